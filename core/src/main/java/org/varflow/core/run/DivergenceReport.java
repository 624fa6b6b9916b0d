package org.varflow.core.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.varflow.api.Flow;
import org.varflow.api.NumericalException;
import org.varflow.api.PartKind;
import org.varflow.core.assembly.AssembledFlow;

/**
 * The message of a run that diverged, as a numerical analyst would write it: where it went wrong (step, time, particle,
 * coordinate, part) and a step that will not diverge. The step comes from the largest curvature of the flow along the
 * run — lambda, the dominant eigenvalue of K(x) Hess E(x), estimated by power iteration on gradient differences at the
 * start and at the particle's last finite state — and the scheme's stability limit: an explicit first-order scheme
 * (Euler and its relatives) is stable on a quadratic for dt &lt; 2 / lambda, a splitting scheme for Hamiltonian
 * dynamics (leapfrog, BAOAB) for dt &lt; 2 / sqrt(lambda). The message suggests dt = 1 / lambda (resp. 1 / sqrt
 * lambda), rounded down, and the implicit scheme (minimizing movement), which is stable at any dt on convex energies.
 * When the estimate does not explain the divergence (the energy grows faster than quadratically), it says so.
 */
final class DivergenceReport {
    private static final Set<String> FIRST_ORDER_EXPLICIT = Set.of("euler", "euler-maruyama", "mirror-step",
            "density-euler", "minibatch", "adam", "rmsprop", "mala", "reverse-diffusion");
    private static final Set<String> SPLITTING = Set.of("leapfrog", "baoab");
    private static final Set<String> IMPLICIT = Set.of("minimizing-movement", "jko", "entropic-jko");
    private static final int ITERATIONS = 60;

    private DivergenceReport() {
    }

    /**
     * @param step     the step that failed (0-based)
     * @param particle the particle that failed
     * @param cause    what happened, e.g. "coordinate x2 overflowed (1e155)"
     * @param energy   whether the energy is to blame (its gradient is not finite there)
     * @param before   the particle's state before the failing step (its last finite state)
     * @param h        the step length
     * @param t        the time at the start of the failing step
     * @param halvings how often dt had been halved
     * @param time     the run's end time (for the step count of the suggestion)
     */
    static NumericalException of(AssembledFlow assembled, long step, int particle, String cause, boolean energy,
                                 double[] before, double h, double t, int halvings, double time) {
        String part = energy ? assembled.part(PartKind.ENERGY).label() + " (its gradient is not finite there)"
                : assembled.part(PartKind.SCHEME).label();
        StringBuilder m = new StringBuilder("the run diverged at step ").append(step + 1).append(" (t = ")
                .append(fmt(t)).append(" -> ").append(fmt(t + h)).append("): ").append(cause)
                .append(" for particle ").append(particle).append(", in ").append(part).append(" with dt = ")
                .append(fmt(h)).append(halvings > 0 ? " (after " + halvings + " halvings)" : "").append(". ")
                .append(advice(assembled, before, h, time));
        if (before != null && before.length <= 8) {
            m.append(". Last finite state: ").append(Arrays.toString(before));
        }
        return new NumericalException(m.toString());
    }

    /** What to try instead: a stable dt from the curvature, or an implicit scheme. */
    static String advice(AssembledFlow assembled, double[] before, double h, double time) {
        String scheme = assembled.part(PartKind.SCHEME).id();
        Flow flow = assembled.flow();
        double[] x0 = flow.space().initialState();
        double lambda = curvature(flow, x0);
        if (before != null && isModest(before, x0)) {
            lambda = Math.max(nanToZero(lambda), nanToZero(curvature(flow, before)));
        }
        String implicit = " or the implicit scheme minimizing-movement (--scheme minimizing-movement), which is"
                + " stable at any dt on a convex energy";
        if (!(lambda > 0) || !Double.isFinite(lambda) || IMPLICIT.contains(scheme)
                || !(FIRST_ORDER_EXPLICIT.contains(scheme) || SPLITTING.contains(scheme))) {
            return "Try a smaller dt, e.g. dt = " + fmt(h / 10) + (IMPLICIT.contains(scheme) ? "" : "," + implicit);
        }
        boolean splitting = SPLITTING.contains(scheme);
        double limit = splitting ? 2 / Math.sqrt(lambda) : 2 / lambda;
        String what = "The largest curvature of the flow along the run (the top eigenvalue of K Hess E, by power"
                + " iteration on gradient differences) is about " + sci(lambda) + "; "
                + (splitting ? "a splitting scheme such as " + scheme + " is stable only for dt < 2/sqrt(lambda) = "
                : "an explicit scheme such as " + scheme + " is stable only for dt < 2/lambda = ") + sci(limit);
        if (h < limit) {
            return what + ", and dt = " + fmt(h) + " is below it: the energy grows faster than quadratically where"
                    + " the run went (e.g. a quartic term), so the curvature there is larger. Try a smaller dt, e.g."
                    + " dt = " + fmt(h / 10) + ", a start closer to a minimum," + implicit;
        }
        double suggested = roundDown(limit / 2);
        long steps = (long) Math.ceil(time / suggested);
        return what + ": try dt = " + sci(suggested) + " (" + steps + " steps to t = " + fmt(time) + ")," + implicit;
    }

    /**
     * The dominant eigenvalue (in magnitude) of K(x) Hess E(x) by power iteration, Hess E v taken as the difference
     * of gradients (dE(x + eps v) - dE(x)) / eps; NaN when it cannot be estimated there.
     */
    static double curvature(Flow flow, double[] x) {
        int d = x.length;
        double[] v = new double[d];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        for (int i = 0; i < d; i++) {
            v[i] = rnd.nextDouble() - 0.5;
        }
        double[] g0 = new double[d];
        double[] g = new double[d];
        double[] y = new double[d];
        double[] hv = new double[d];
        double[] w = new double[d];
        try {
            flow.energy().gradient(x, g0);
            double lambda = Double.NaN;
            for (int it = 0; it < ITERATIONS; it++) {
                double norm = norm(v);
                if (!(norm > 0) || !Double.isFinite(norm)) {
                    return lambda;
                }
                double eps = 1e-6 * (1 + norm(x));
                for (int i = 0; i < d; i++) {
                    v[i] /= norm;
                    y[i] = x[i] + eps * v[i];
                }
                flow.energy().gradient(y, g);
                for (int i = 0; i < d; i++) {
                    hv[i] = (g[i] - g0[i]) / eps;
                }
                flow.metric().raise(x, hv, w);
                double next = norm(w);
                System.arraycopy(w, 0, v, 0, d);
                if (Math.abs(next - lambda) <= 1e-4 * next) {
                    return next;
                }
                lambda = next;
            }
            return lambda;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** A state not yet blown up: within a million times the start's scale. */
    private static boolean isModest(double[] x, double[] x0) {
        double scale = 1 + norm(x0);
        double n = norm(x);
        return Double.isFinite(n) && n <= 1e6 * scale;
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** Rounded down to one significant digit: 3.7e-6 -> 3e-6. */
    static double roundDown(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        double r = Math.floor(v / p) * p;
        return r > 0 ? r : v;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.2g", v);
    }
}
