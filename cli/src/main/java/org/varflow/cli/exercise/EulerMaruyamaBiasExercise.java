package org.varflow.cli.exercise;

import java.util.List;
import org.varflow.RunSummary;
import org.varflow.Varflow;

/** The O(h) bias of Euler-Maruyama: on Ornstein-Uhlenbeck its stationary variance is T / (1 - h/2), not T. */
final class EulerMaruyamaBiasExercise implements Exercise {
    static final double H = 0.1;

    @Override
    public String name() {
        return "euler-maruyama-bias";
    }

    @Override
    public String title() {
        return "the stationary variance of Euler-Maruyama on Ornstein-Uhlenbeck";
    }

    @Override
    public String task() {
        return "Preset 'langevin' samples exp(-E)/Z for E = x^2/2 at beta = 1, the law N(0, 1), with Euler-Maruyama:"
                + " x_{k+1} = (1 - h) x_k + sqrt(2 h) xi_k, xi_k ~ N(0, 1). Its particles settle into a Gaussian law"
                + " whose variance is not exactly 1. What is that stationary variance for h = 0.1?";
    }

    @Override
    public double answer() {
        return 1 / (1 - H / 2);
    }

    @Override
    public double tolerance() {
        return 1e-3;
    }

    @Override
    public String why() {
        return "The variance v of x_{k+1} = (1 - h) x_k + sqrt(2h) xi_k is stationary when v = (1 - h)^2 v + 2h, so"
                + " v = 2h / (1 - (1 - h)^2) = 1 / (1 - h/2) = 1.0526 for h = 0.1: a bias of order h, gone as h -> 0."
                + " MALA (preset 'mala') removes it at any h by accepting or rejecting each step.";
    }

    @Override
    public String hint(double wrong) {
        if (Math.abs(wrong - 1) < 1e-3) {
            return "1 = 1/beta is the variance of the flow itself (h -> 0); the scheme's law differs at order h.";
        }
        if (Math.abs(wrong - 1 / (1 + H / 2)) < 1e-3) {
            return "the sign: the explicit step overshoots, so the spread is larger than 1, not smaller.";
        }
        if (Math.abs(wrong - (1 + H / 2)) < 1e-3) {
            return "1 + h/2 is the first-order expansion; solve the stationarity equation exactly.";
        }
        return "write the stationarity equation for the variance: Var x_{k+1} = Var x_k.";
    }

    @Override
    public List<String> demonstrate(Varflow varflow) {
        int n = 40_000;
        RunSummary s = varflow.preset("langevin").dt(H).time(30).particles(n).seed(7).run();
        double v = s.state().covariance(0, 0);
        // standard error of a Gaussian sample variance: v sqrt(2 / N)
        double se = answer() * Math.sqrt(2.0 / n);
        return List.of(n + " particles, h = " + H + ", t = 30: sample variance " + Exercises.fmt(v) + " (1/(1 - h/2) = "
                + Exercises.fmt(answer()) + ", standard error " + Exercises.fmt(se) + ")");
    }

    @Override
    public String tryIt() {
        return "varflow run langevin --dt 0.1 --particles 40000 --time 30   (state.covariance)";
    }
}
