package org.varflow.measures;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.varflow.api.FlowSpec;
import org.varflow.api.Observer;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.api.Snapshot;
import org.varflow.core.CorePlugin;
import org.varflow.Varflow;
import org.varflow.core.run.FlowRunner;
import org.varflow.core.run.RunControl;
import org.varflow.noise.NoisePlugin;

/** Runs measure flows through core with this plugin, plugins-noise and the test energies (no classpath scanning). */
public final class MeasureRuns {
    public static final Varflow VARFLOW = Varflow.of(List.of(new CorePlugin(), new MeasuresPlugin(),
            new NoisePlugin(), new MeasureTestParts()));

    private MeasureRuns() {
    }

    /** A one-particle spec: the measure is the state. */
    public static FlowSpec spec(PartChoice space, PartChoice metric, PartChoice energy, PartChoice entropy,
                                PartChoice scheme, long steps, double dt) {
        Map<PartKind, PartChoice> parts = new EnumMap<>(PartKind.class);
        parts.put(PartKind.SPACE, space);
        parts.put(PartKind.METRIC, metric);
        parts.put(PartKind.ENERGY, energy);
        parts.put(PartKind.ENTROPY, entropy);
        parts.put(PartKind.NOISE, PartChoice.of("none"));
        parts.put(PartKind.SCHEME, scheme);
        return new FlowSpec(null, parts, steps, null, dt, 1L, 1, null);
    }

    public static Varflow.Outcome run(FlowSpec spec) {
        return VARFLOW.run(spec, new RunControl(2), null);
    }

    /** The states at the given steps (and the final one), recorded by an observer; observes every step. */
    public static List<double[]> statesAt(FlowSpec spec, long... steps) {
        List<double[]> out = new ArrayList<>();
        java.util.Set<Long> wanted = new java.util.HashSet<>();
        for (long s : steps) {
            wanted.add(s);
        }
        Observer recorder = new Observer() {
            @Override
            public void observe(Snapshot s) {
                if (wanted.contains(s.step())) {
                    out.add(s.states().clone());
                }
            }
        };
        new FlowRunner().run(VARFLOW.assemble(spec.withEvery(1)), List.of(recorder), new RunControl(1));
        return out;
    }

    /** A nested summary entry. */
    // a test helper: the caller names the type it expects
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
    public static <T> T get(Map<String, Object> summary, String... path) {
        Object v = summary;
        for (String key : path) {
            if (!(v instanceof Map<?, ?> m) || !m.containsKey(key)) {
                throw new AssertionError("summary has no entry " + String.join(".", path) + ": " + summary);
            }
            v = m.get(key);
        }
        return (T) v;
    }

    public static double number(Map<String, Object> summary, String... path) {
        return ((Number) get(summary, path)).doubleValue();
    }

    /** A list of numbers in the summary as an array. */
    public static double[] vector(Map<String, Object> summary, String... path) {
        List<?> list = get(summary, path);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).doubleValue();
        }
        return out;
    }

    /** Entry (i, j) of a matrix (list of rows) in the summary. */
    public static double entry(Map<String, Object> summary, int i, int j, String... path) {
        List<?> rows = get(summary, path);
        return ((Number) ((List<?>) rows.get(i)).get(j)).doubleValue();
    }

    /** KL(N(m, s2) | N(0, v)) = (s2/v + m^2/v - 1 - log(s2/v)) / 2. */
    public static double gaussianKl(double m, double s2, double v) {
        return 0.5 * (s2 / v + m * m / v - 1 - Math.log(s2 / v));
    }
}
