package org.varflow.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.varflow.api.ConstrainedSpace;
import org.varflow.api.Metric;
import org.varflow.api.Space;

/**
 * Seeded sample points of a space, where the checks look: the initial state and the states of a random walk made
 * with a metric's own retraction ({@link MetricChecks#walk}), or, without a metric, random perturbations of the
 * initial state that the space contains.
 */
public final class Samples {
    private Samples() {
    }

    /**
     * The initial state and {@code count} more points: a walk with {@code metric}'s retraction when it is given, else
     * x0 + sigma_i xi with sigma_i = 0.1 (|x0_i| + 0.1), along the tangent space of a {@link ConstrainedSpace},
     * halved until the space contains the point (equality-constrained spaces accept points within 1e-2 of the
     * constraint: energies there are defined on a neighbourhood).
     */
    public static List<double[]> points(Space space, Metric metric, int count, long seed) {
        if (metric != null) {
            return MetricChecks.walk(metric, space, seed, count, 0.3);
        }
        Random rnd = new Random(seed);
        double[] x0 = space.initialState();
        int d = x0.length;
        List<double[]> out = new ArrayList<>();
        out.add(x0.clone());
        double[] v = new double[d];
        double[] t = new double[d];
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < d; i++) {
                v[i] = 0.1 * (Math.abs(x0[i]) + 0.1) * rnd.nextGaussian();
            }
            if (space instanceof ConstrainedSpace c) {
                c.projectTangent(x0, v, t);
                System.arraycopy(t, 0, v, 0, d);
            }
            double[] x = x0.clone();
            for (int halvings = 0; halvings < 30; halvings++) {
                for (int i = 0; i < d; i++) {
                    x[i] = x0[i] + v[i];
                }
                if (accepts(space, x)) {
                    break;
                }
                for (int i = 0; i < d; i++) {
                    v[i] *= 0.5;
                }
            }
            out.add(accepts(space, x) ? x : x0.clone());
        }
        return out;
    }

    private static boolean accepts(Space space, double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        if (!(space instanceof ConstrainedSpace c)) {
            return true;
        }
        return c.contains(x) || (c.tangentDimension() < c.dimension() && c.defect(x) <= 1e-2);
    }

    /** The point in words, rounded to 4 decimals, for messages (elided above 6 coordinates). */
    public static String at(double[] x) {
        if (x.length > 6) {
            return "x = [" + round(x[0]) + ", " + round(x[1]) + ", ... " + x.length + " coordinates]";
        }
        return "x = " + Arrays.toString(Arrays.stream(x).map(Samples::round).toArray());
    }

    private static double round(double v) {
        return Math.abs(v) >= 1e-3 || v == 0 ? Math.round(v * 1e4) / 1e4 : Double.parseDouble(String.format(
                java.util.Locale.ROOT, "%.3e", v));
    }
}
