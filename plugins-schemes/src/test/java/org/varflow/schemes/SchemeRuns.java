package org.varflow.schemes;

import java.util.List;
import org.varflow.Varflow;
import org.varflow.api.FlowSpec;
import org.varflow.core.CorePlugin;
import org.varflow.geometry.GeometryPlugin;
import org.varflow.geometry.testing.Runs;
import org.varflow.geometry.testing.TestModels;

/** Runs through core with the geometry plugin, this module's schemes and geometry's test models. */
public final class SchemeRuns {
    /** The plugins, without looking at the classpath. */
    public static final Varflow VARFLOW = Varflow.of(List.of(new CorePlugin(), new GeometryPlugin(),
            new SchemesPlugin(), new TestModels()));

    private SchemeRuns() {
    }

    /** Runs on one thread and returns the outcome. */
    public static Varflow.Outcome run(FlowSpec spec) {
        return Runs.run(VARFLOW, spec);
    }

    /** Every state of a single-particle run, starting with the initial one. */
    public static List<double[]> trajectory(FlowSpec spec) {
        return Runs.trajectory(VARFLOW, spec);
    }
}
