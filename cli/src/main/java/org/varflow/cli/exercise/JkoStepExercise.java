package org.varflow.cli.exercise;

import java.util.List;
import org.varflow.RunSummary;
import org.varflow.Varflow;
import org.varflow.api.PartKind;

/**
 * The JKO step is a proximal (implicit Euler) step in W2: on Ornstein-Uhlenbeck from a Gaussian its mean moves as
 * implicit Euler moves m' = -m, m_1 = m_0 / (1 + h).
 */
final class JkoStepExercise implements Exercise {
    static final double H = 0.5;

    @Override
    public String name() {
        return "jko-step";
    }

    @Override
    public String title() {
        return "one JKO step is a proximal step: where does the mean go?";
    }

    @Override
    public String task() {
        return "The JKO scheme takes proximal steps in the Wasserstein distance: rho_1 = argmin_rho F(rho)"
                + " + W2^2(rho, rho_0) / 2h, F(rho) = integral V rho + T integral rho log rho. For V = x^2/2, T = 1,"
                + " rho_0 = N(2, 1/4) and h = 0.5 the minimiser rho_1 is again Gaussian. What is its mean?";
    }

    @Override
    public double answer() {
        return 2 / (1 + H);
    }

    @Override
    public double tolerance() {
        return 1e-3;
    }

    @Override
    public String why() {
        return "Among Gaussians N(m, s^2), F = (m^2 + s^2)/2 - T log s + const and W2^2 = (m - m_0)^2 + (s - s_0)^2,"
                + " so the mean solves m + (m - m_0)/h = 0: m = m_0 / (1 + h) = 1.3333, the implicit Euler step of"
                + " m' = -m (explicit Euler gives m_0 (1 - h) = 1, the exact flow 2 e^-0.5 = 1.2131). The spread"
                + " solves (1 + h) s^2 - s_0 s - h T = 0: s = 0.7676, variance 0.5892 (exact flow: 0.7241).";
    }

    @Override
    public String hint(double wrong) {
        if (Math.abs(wrong - 1) < 1e-3) {
            return "1 = m_0 (1 - h) is the explicit Euler step; the proximal step is implicit.";
        }
        if (Math.abs(wrong - 2 * Math.exp(-H)) < 1e-3) {
            return "2 e^-0.5 is the exact flow at t = 0.5; one proximal step is a first-order approximation of it.";
        }
        return "restrict the minimisation to Gaussians N(m, s^2): F and W2^2 are then functions of (m, s).";
    }

    @Override
    public List<String> demonstrate(Varflow varflow) {
        RunSummary s = varflow.preset("jko").energy("quadratic").set(PartKind.ENTROPY, "beta", 1.0)
                .set(PartKind.SPACE, "n", 2000L).set(PartKind.SPACE, "mean", new double[] {2})
                .set(PartKind.SPACE, "std", new double[] {0.5}).dt(H).steps(1).threads(1).run();
        double[] x = s.state().mean();
        double m = 0;
        for (double v : x) {
            m += v / x.length;
        }
        double var = 0;
        for (double v : x) {
            var += (v - m) * (v - m) / x.length;
        }
        return List.of("preset 'jko' (2000 quantile points), one step of h = 0.5: mean " + Exercises.fmt(m)
                + " (m_0/(1 + h) = " + Exercises.fmt(answer()) + "), variance " + Exercises.fmt(var)
                + " (Gaussian step: 0.5892)");
    }

    @Override
    public String tryIt() {
        return "varflow run jko --energy quadratic --set entropy.beta=1 --set space.n=2000 --set space.mean=2"
                + " --set space.std=0.5 --dt 0.5 --steps 1";
    }
}
