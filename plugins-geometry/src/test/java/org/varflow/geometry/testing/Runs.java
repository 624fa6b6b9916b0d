package org.varflow.geometry.testing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.core.CorePlugin;
import org.varflow.Varflow;
import org.varflow.core.run.RunControl;
import org.varflow.geometry.GeometryPlugin;

/** Builds and runs flows through core with the geometry plugin and the test models. */
public final class Runs {
    private Runs() {
    }

    /** Core, the geometry plugin and the test models, without looking at the classpath. */
    public static Varflow varflow() {
        return Varflow.of(List.of(new CorePlugin(), new GeometryPlugin(), new TestModels()));
    }

    /** A deterministic single-particle flow (entropy none, noise none, seed 1). */
    public static FlowSpec spec(PartChoice space, PartChoice metric, PartChoice energy, PartChoice scheme, long steps,
                                double dt) {
        Map<PartKind, PartChoice> parts = new EnumMap<>(PartKind.class);
        parts.put(PartKind.SPACE, space);
        parts.put(PartKind.METRIC, metric);
        parts.put(PartKind.ENERGY, energy);
        parts.put(PartKind.ENTROPY, PartChoice.of("none"));
        parts.put(PartKind.NOISE, PartChoice.of("none"));
        parts.put(PartKind.SCHEME, scheme);
        return new FlowSpec(null, parts, steps, null, dt, 1L, 1, null);
    }

    /** Runs on one thread and returns the outcome. */
    public static Varflow.Outcome run(FlowSpec spec) {
        return run(varflow(), spec);
    }

    /**
     * Runs on one thread with the given plugins (a module that builds on geometry adds its own) and returns the
     * outcome.
     */
    public static Varflow.Outcome run(Varflow varflow, FlowSpec spec) {
        return varflow.run(spec, new RunControl(1), null);
    }

    /** Every state of a single-particle run (observed at every step), starting with the initial one. */
    public static List<double[]> trajectory(FlowSpec spec) {
        return trajectory(varflow(), spec);
    }

    /** {@link #trajectory(FlowSpec)} with the given plugins. */
    public static List<double[]> trajectory(Varflow varflow, FlowSpec spec) {
        org.varflow.core.assembly.AssembledFlow assembled = varflow.assemble(spec.withEvery(1));
        List<double[]> states = new java.util.ArrayList<>();
        org.varflow.api.Observer recorder = s -> states.add(s.states().clone());
        new org.varflow.core.run.FlowRunner().run(assembled, List.of(recorder), new RunControl(1));
        return states;
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

    /** The largest relative dissipation violation of a run. */
    public static double violation(Varflow.Outcome out) {
        Object v = get(out.summary().toMap(), "diagnostics", "maxDissipationViolation");
        return ((Number) v).doubleValue();
    }
}
