package org.varflow.cli.exercise;

import java.util.ArrayList;
import java.util.List;
import org.varflow.RunSummary;
import org.varflow.Varflow;
import org.varflow.api.NumericalException;

/**
 * The 2/L stability limit of explicit Euler (gradient descent) on a quadratic: each eigen-direction is multiplied by
 * 1 - h lambda per step, so the iteration converges iff h &lt; 2 / lambda_max.
 */
final class StabilityExercise implements Exercise {
    /** Steps run: enough for |1 - 4h|^k to overflow at h = 0.55 (1.2^2000 > 1e154). */
    static final int STEPS = 2000;

    @Override
    public String name() {
        return "stability";
    }

    @Override
    public String title() {
        return "the 2/L step limit of gradient descent (explicit Euler)";
    }

    @Override
    public String task() {
        return "Gradient descent is explicit Euler on the gradient flow: x_{k+1} = x_k - h grad E(x_k). Preset"
                + " 'gradient-descent' runs it on E(x) = x^T A x / 2 - b^T x with A = diag(1, 4), b = (1, 1). What is"
                + " the largest step h for which the iteration converges from every start?";
    }

    @Override
    public double answer() {
        return 0.5;
    }

    @Override
    public double tolerance() {
        return 0.005;
    }

    @Override
    public String why() {
        return "Along an eigenvector of A with eigenvalue lambda one step multiplies the error by 1 - h lambda. The"
                + " iteration converges iff |1 - h lambda| < 1 for every eigenvalue, i.e. h < 2 / lambda_max = 2/L"
                + " = 2/4 = 0.5 (L the largest curvature). At h = 1/L = 0.25 the stiff direction is solved in one"
                + " step; between 1/L and 2/L it converges while flipping sign; beyond 2/L it grows.";
    }

    @Override
    public String hint(double wrong) {
        if (Math.abs(wrong - 0.25) < 1e-3) {
            return "0.25 = 1/L solves the stiff direction in one step; larger steps still converge, flipping sign.";
        }
        if (Math.abs(wrong - 2) < 1e-3 || Math.abs(wrong - 1) < 1e-3) {
            return "the limit is set by the stiffest direction, the largest eigenvalue of A, not the smallest.";
        }
        return "follow one eigen-direction: x_{k+1} = (1 - h lambda) x_k. When does it shrink?";
    }

    @Override
    public List<String> demonstrate(Varflow varflow) {
        List<String> out = new ArrayList<>();
        for (double h : new double[] {0.45, 0.55}) {
            try {
                RunSummary s = varflow.preset("gradient-descent").dt(h).steps(STEPS).threads(1).run();
                out.add("h = " + h + ": " + (s.energy() < s.energyInitial() ? "converges" : "grows") + ", E = "
                        + Exercises.fmt(s.energy()) + " after " + STEPS + " steps (the minimum is -0.625)");
            } catch (NumericalException e) {
                out.add("h = " + h + ": diverges (" + e.getMessage().split(";")[0] + ")");
            }
        }
        return out;
    }

    @Override
    public String tryIt() {
        return "varflow run gradient-descent --dt 0.55 --steps 2000   (exit 3: it diverges, and says where)";
    }
}
