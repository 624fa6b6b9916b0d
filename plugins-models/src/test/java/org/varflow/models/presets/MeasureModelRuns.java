package org.varflow.models.presets;

import java.util.List;
import java.util.Map;
import org.varflow.api.FlowSpec;
import org.varflow.core.CorePlugin;
import org.varflow.Varflow;
import org.varflow.core.run.RunControl;
import org.varflow.measures.MeasuresPlugin;
import org.varflow.models.ModelsPlugin;
import org.varflow.noise.NoisePlugin;

/** Real runs with every plugin the measure presets use (no classpath scanning). */
final class MeasureModelRuns {
    static final Varflow VARFLOW = Varflow.of(List.of(new CorePlugin(), new NoisePlugin(), new ModelsPlugin(),
            new MeasuresPlugin(), new PresetsPlugin()));

    private MeasureModelRuns() {
    }

    static FlowSpec preset(String id) {
        return VARFLOW.registry().preset(id).spec();
    }

    static Varflow.Outcome run(FlowSpec spec) {
        return VARFLOW.run(spec, new RunControl(2), null);
    }

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

    static double number(Map<String, Object> summary, String... path) {
        return ((Number) get(summary, path)).doubleValue();
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double variance(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }

    /** Exact W2 between two one-dimensional ensembles of the same size: the sorted matching. */
    static double w2(double[] a, double[] b) {
        return org.varflow.ot.Wasserstein1D.w2(a, b);
    }
}
