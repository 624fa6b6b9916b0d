package org.varflow.geometry.testing;

import java.util.Map;
import org.varflow.api.MetricFactory;
import org.varflow.api.Metric;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;

/** Builds spaces and metrics from factories with raw parameters, as the assembler would. */
public final class Spaces {
    private Spaces() {
    }

    public static Space space(SpaceFactory f, Map<String, ?> params) {
        return f.create(Parameters.resolve("space '" + f.id() + "'", f.parameters(), params));
    }

    public static Metric metric(MetricFactory f, Map<String, ?> params, Space space) {
        return f.create(Parameters.resolve("metric '" + f.id() + "'", f.parameters(), params), space);
    }

    /** R^d with the given start. */
    public static Space euclidean(double... x0) {
        return new org.varflow.geometry.internal.Vectors.SimpleSpace(Space.EUCLIDEAN, x0.length, x0);
    }
}
