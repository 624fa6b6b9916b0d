package org.varflow.models.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.varflow.api.FlowSpec;
import org.varflow.api.Observer;
import org.varflow.api.Snapshot;
import org.varflow.core.CorePlugin;
import org.varflow.Varflow;
import org.varflow.core.run.FlowRunner;
import org.varflow.core.run.RunControl;
import org.varflow.geometry.symplectic.SymplecticPlugin;
import org.varflow.models.ModelsPlugin;
import org.varflow.noise.NoisePlugin;
import org.varflow.schemes.SchemesPlugin;
import org.varflow.models.presets.PresetsPlugin;

/** Real runs with every plugin this package's presets use (no classpath scanning), plus the test-only parts. */
final class SamplingRuns {
    static final Varflow VARFLOW = Varflow.of(List.of(new CorePlugin(), new NoisePlugin(), new ModelsPlugin(),
            new SymplecticPlugin(), new SchemesPlugin(), new SamplingModelsPlugin(), new SamplingTestParts(),
            new PresetsPlugin()));

    private SamplingRuns() {
    }

    /** The preset's spec. */
    static FlowSpec preset(String id) {
        return VARFLOW.registry().preset(id).spec();
    }

    /** Runs on two threads (results do not depend on the count). */
    static Varflow.Outcome run(FlowSpec spec) {
        return VARFLOW.run(spec, new RunControl(2), null);
    }

    /** The states after every step (index k = after k steps, 0 = start) of a one-particle run. */
    static List<double[]> trajectory(FlowSpec spec) {
        List<double[]> states = new ArrayList<>();
        Observer recorder = new Observer() {
            @Override
            public void observe(Snapshot s) {
                states.add(s.states().clone());
            }
        };
        new FlowRunner().run(VARFLOW.assemble(spec.withEvery(1)), List.of(recorder), new RunControl(1));
        return states;
    }

    /** Coordinate i of every particle. */
    static double[] column(double[] states, int d, int i) {
        double[] out = new double[states.length / d];
        for (int p = 0; p < out.length; p++) {
            out[p] = states[p * d + i];
        }
        return out;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Unbiased sample variance. */
    static double variance(double[] v) {
        return covariance(v, v);
    }

    /** Unbiased sample covariance. */
    static double covariance(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - ma) * (b[i] - mb);
        }
        return s / (a.length - 1);
    }

    /** Mean of v^2 (second moment about 0). */
    static double meanSquare(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return s / v.length;
    }

    /** A nested summary entry, e.g. {@code get(summary, "scheme", "acceptanceRate")}. */
    // a test helper: the caller names the type it expects
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
    static <T> T get(Map<String, Object> summary, String... path) {
        Object v = summary;
        for (String key : path) {
            if (!(v instanceof Map<?, ?> m) || !m.containsKey(key)) {
                throw new AssertionError("summary has no entry " + String.join(".", path) + ": " + summary);
            }
            v = m.get(key);
        }
        return (T) v;
    }

    /**
     * KL(N(m1, v1) | N(m2, v2)) = (v1/v2 + (m1 - m2)^2/v2 - 1 - log(v1/v2)) / 2, one dimension.
     */
    static double gaussianKl(double m1, double v1, double m2, double v2) {
        double r = v1 / v2;
        return 0.5 * (r + (m1 - m2) * (m1 - m2) / v2 - 1 - Math.log(r));
    }
}
