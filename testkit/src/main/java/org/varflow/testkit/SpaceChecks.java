package org.varflow.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.varflow.api.ConstrainedSpace;
import org.varflow.api.Energy;
import org.varflow.api.Space;

/**
 * The check kit for space authors (what {@code varflow check SPACE-ID} runs):
 *
 * <pre>
 *   membership declared      a {@link ConstrainedSpace} states its constraint; any other space contains every
 *                            finite state (reported, so an author sees what the runner will enforce)
 *   initial state inside     dimension() coordinates, finite, contains(x0); initialState() a fresh copy, the same
 *                            at every call (runs are reproducible)
 *   sample points inside     the points the other checks use (a walk with a metric's retraction, or perturbations)
 *                            are inside: violation(x) is null exactly when contains(x)
 *   tangent space            (equality-constrained spaces) at the sample points P = projectTangent is symmetric and
 *                            idempotent to 1e-12, trace P = tangentDimension() to 1e-9, the defect changes at second
 *                            order along P v (fitted order &gt;= 1.8 over t = 1e-2 / 2^j, or below 1e-14) and at first
 *                            order along (I - P) v (defect(x + t n) &gt;= t |n| / 10)
 *   coordinate names         distinct and not blank (CSV headers)
 *   base and lift            a space built over a base lifts E = |y|^2 / 2 on the base to an energy that is finite
 *                            here, with a finite gradient
 * </pre>
 */
public final class SpaceChecks {
    public static final String DECLARED_CHECK = "membership declared";
    public static final String INITIAL_CHECK = "initial state inside, reproducible";
    public static final String SAMPLES_CHECK = "sample points inside";
    public static final String TANGENT_CHECK = "tangent dimension and projection consistent";
    public static final String NAMES_CHECK = "coordinate names distinct";
    public static final String LIFT_CHECK = "base energies lift to finite energies";

    private SpaceChecks() {
    }

    /** Every check of {@code space} at {@code points} (which should include the initial state). */
    public static List<CheckResult> run(Space space, List<double[]> points, long seed) {
        List<CheckResult> out = new ArrayList<>();
        out.add(declared(space));
        out.add(EnergyChecks.guard(INITIAL_CHECK, () -> initialState(space)));
        out.add(EnergyChecks.guard(SAMPLES_CHECK, () -> samplesInside(space, points)));
        out.add(EnergyChecks.guard(TANGENT_CHECK, () -> tangent(space, points, seed)));
        out.add(EnergyChecks.guard(NAMES_CHECK, () -> names(space)));
        out.add(EnergyChecks.guard(LIFT_CHECK, () -> lift(space)));
        return out;
    }

    public static CheckResult declared(Space space) {
        if (space instanceof ConstrainedSpace c) {
            return new CheckResult(DECLARED_CHECK, CheckResult.Status.PASS, "constrained: " + c.constraint()
                    + (c.tangentDimension() < c.dimension() ? ", tangent dimension " + c.tangentDimension() : ""),
                    "a ConstrainedSpace, or every finite state");
        }
        return new CheckResult(DECLARED_CHECK, CheckResult.Status.PASS, "every finite state (not a"
                + " ConstrainedSpace)", "a ConstrainedSpace, or every finite state");
    }

    public static CheckResult initialState(Space space) {
        double[] x = space.initialState();
        if (x.length != space.dimension()) {
            return CheckResult.of(INITIAL_CHECK, false, x.length + " coordinates", "dimension() = "
                    + space.dimension(), "initialState()");
        }
        String problem = SpaceConstraints.violation(space, x);
        if (problem != null) {
            return CheckResult.of(INITIAL_CHECK, false, "outside: " + problem, SpaceConstraints.describe(space),
                    Samples.at(x));
        }
        double first = x.length == 0 ? 0 : x[0];
        if (x.length > 0) {
            x[0] = first + 1;
        }
        double[] again = space.initialState();
        if (x.length > 0 && again[0] != first) {
            return CheckResult.of(INITIAL_CHECK, false, "initialState() returns a shared array", "a fresh copy",
                    "changing x0_1 changed the next initialState()");
        }
        double[] third = space.initialState();
        if (!java.util.Arrays.equals(again, third)) {
            return CheckResult.of(INITIAL_CHECK, false, "two calls differ", "the same state at every call",
                    Samples.at(again) + " then " + Samples.at(third));
        }
        return CheckResult.of(INITIAL_CHECK, true, "inside, fresh copy, reproducible", SpaceConstraints.describe(
                space), "");
    }

    public static CheckResult samplesInside(Space space, List<double[]> points) {
        int inside = 0;
        for (double[] x : points) {
            String problem = SpaceConstraints.violation(space, x);
            boolean contains = !(space instanceof ConstrainedSpace c) || c.contains(x);
            if (space instanceof ConstrainedSpace c && contains && c.violation(x) != null) {
                return CheckResult.of(SAMPLES_CHECK, false, "violation(x) is not null though contains(x)",
                        "violation(x) null exactly when contains(x)", Samples.at(x) + ": " + c.violation(x));
            }
            if (problem != null) {
                boolean equality = space instanceof ConstrainedSpace c && c.tangentDimension() < c.dimension();
                if (!equality) {
                    return CheckResult.of(SAMPLES_CHECK, false, "outside: " + problem,
                            SpaceConstraints.describe(space), Samples.at(x));
                }
            } else {
                inside++;
            }
        }
        return CheckResult.of(SAMPLES_CHECK, true, inside + " of " + points.size() + " inside",
                SpaceConstraints.describe(space), "");
    }

    public static CheckResult tangent(Space space, List<double[]> points, long seed) {
        if (!(space instanceof ConstrainedSpace c)) {
            return CheckResult.skip(TANGENT_CHECK, "tangent space R^" + space.dimension() + " (not constrained)");
        }
        int d = c.dimension();
        int k = c.tangentDimension();
        if (k < 0 || k > d) {
            return CheckResult.of(TANGENT_CHECK, false, "tangentDimension() = " + k, "in [0, " + d + "]", "");
        }
        if (d > 400) {
            return CheckResult.skip(TANGENT_CHECK, "d = " + d + " above 400 (P is built column by column)");
        }
        Random rnd = new Random(seed + 23);
        Worst worst = new Worst();
        String figure = "";
        for (double[] x : points.subList(0, Math.min(4, points.size()))) {
            if (SpaceConstraints.violation(space, x) != null && c.defect(x) > 1e-6) {
                continue;
            }
            double[] p = new double[d * d];
            double[] e = new double[d];
            double[] col = new double[d];
            for (int j = 0; j < d; j++) {
                e[j] = 1;
                c.projectTangent(x, e, col);
                e[j] = 0;
                for (int i = 0; i < d; i++) {
                    p[i * d + j] = col[i];
                }
            }
            double asym = 0;
            double idem = 0;
            double trace = 0;
            for (int i = 0; i < d; i++) {
                trace += p[i * d + i];
                for (int j = 0; j < d; j++) {
                    asym = Math.max(asym, Math.abs(p[i * d + j] - p[j * d + i]));
                    double pp = 0;
                    for (int l = 0; l < d; l++) {
                        pp += p[i * d + l] * p[l * d + j];
                    }
                    idem = Math.max(idem, Math.abs(pp - p[i * d + j]));
                }
            }
            double traceError = Math.abs(trace - k);
            double algebra = Math.max(asym, idem);
            double tr = trace;
            worst.offer(algebra, algebra <= 1e-12, () -> Samples.at(x) + ": P asymmetric or not idempotent by "
                    + MetricChecks.fmt(algebra));
            worst.offer(traceError, traceError <= 1e-9, () -> Samples.at(x) + ": trace P = " + tr
                    + " but tangentDimension() = " + k);
            figure = "rank " + Math.round(trace);
            if (k == d) {
                continue;
            }
            // defect along P v: second order; along (I - P) v: first order
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = rnd.nextGaussian();
            }
            double[] tv = new double[d];
            c.projectTangent(x, v, tv);
            double[] nv = new double[d];
            double nn = 0;
            double tn = 0;
            for (int i = 0; i < d; i++) {
                nv[i] = v[i] - tv[i];
                nn += nv[i] * nv[i];
                tn += tv[i] * tv[i];
            }
            nn = Math.sqrt(nn);
            tn = Math.sqrt(tn);
            double[] y = new double[d];
            double base = c.defect(x);
            double[] along = new double[4];
            double t = 1e-2;
            for (int j = 0; j < 4; j++, t /= 2) {
                for (int i = 0; i < d; i++) {
                    y[i] = x[i] + t * tv[i] / tn;
                }
                along[j] = Math.abs(c.defect(y) - base);
            }
            double order = Math.log(along[0] / along[3]) / Math.log(8);
            boolean second = along[0] <= 1e-14 || order >= 1.8;
            double ord = order;
            worst.offer(second ? 0 : 2 - order, second, () -> Samples.at(x) + ": the defect grows like t^"
                    + String.format(java.util.Locale.ROOT, "%.2f", ord) + " along P v (tangent steps must keep the"
                    + " constraint to second order)");
            if (nn > 1e-12) {
                double step = 1e-3;
                for (int i = 0; i < d; i++) {
                    y[i] = x[i] + step * nv[i] / nn;
                }
                double normal = Math.abs(c.defect(y) - base);
                boolean first = normal >= step / 10;
                worst.offer(first ? 0 : 1, first, () -> Samples.at(x) + ": a step of 1e-3 along (I - P) v changes"
                        + " the defect by only " + MetricChecks.fmt(normal) + " (P keeps a normal direction)");
            }
        }
        return CheckResult.of(TANGENT_CHECK, worst.ok(), "tangentDimension " + k + ", " + figure,
                "P symmetric, idempotent, trace = tangentDimension; defect second order along P", worst.where());
    }

    public static CheckResult names(Space space) {
        Set<String> seen = new HashSet<>();
        int d = space.dimension();
        for (int i = 0; i < Math.min(d, 100_000); i++) {
            String n = space.coordinateName(i);
            if (n == null || n.isBlank() || !seen.add(n)) {
                return CheckResult.of(NAMES_CHECK, false, "coordinate " + (i + 1) + " is named '" + n + "'",
                        "distinct, not blank", n == null || n.isBlank() ? "blank" : "a name used before");
            }
        }
        return CheckResult.of(NAMES_CHECK, true, d + " distinct names", "distinct, not blank", "");
    }

    public static CheckResult lift(Space space) {
        Space base = space.base();
        if (base == null) {
            return CheckResult.skip(LIFT_CHECK, "energies are written on this space (no base)");
        }
        Energy half = Energy.of(y -> {
            double s = 0;
            for (double v : y) {
                s += v * v;
            }
            return 0.5 * s;
        }, (y, g) -> System.arraycopy(y, 0, g, 0, y.length));
        Energy lifted = space.lift(half);
        double[] x = space.initialState();
        double[] g = new double[x.length];
        double e = lifted.valueAndGradient(x, g);
        boolean ok = Double.isFinite(e);
        for (double v : g) {
            ok &= Double.isFinite(v);
        }
        return CheckResult.of(LIFT_CHECK, ok, "E = " + MetricChecks.fmt(e) + " at x0 (base dimension "
                + base.dimension() + ")", "finite value and gradient", "E = |y|^2/2 on the base, lifted, at x0");
    }
}
