package org.varflow.geometry.path;

import java.util.List;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FixedEndPath;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;

/** The space {@code path}: interior nodes of a discretised path with fixed ends (see {@link PathSpace}). */
public final class PathSpaceFactory implements SpaceFactory {
    static final String OWNER = "space 'path'";
    /** Largest number of intervals: keeps the dense Hessians of implicit schemes within reach. */
    static final int MAX_NODES = 2000;

    @Override
    public String id() {
        return "path";
    }

    @Override
    public String summary() {
        return "a path q(t) on [0, T] with fixed ends q(0) = A, q(T) = B: its N - 1 interior nodes, each in R^k";
    }

    @Override
    public String formula() {
        return "state (q_1, ..., q_{N-1}), q_j = q(j dt) in R^k, dt = T / N, q_0 = A and q_N = B fixed;"
                + " starts on the straight line A + (B - A) j / N";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer("nodes", 64, 2, MAX_NODES, "N, the number of intervals (N - 1 free nodes)"),
                Parameter.positive("length", 1.0, "T, the length of the time (or x) interval [0, T]"),
                Parameter.vector("start", "0", "A = q(0), k = 1 or 2 components"),
                Parameter.vector("end", "1", "B = q(T), as many components as start"));
    }

    @Override
    public Class<? extends Space> partType() {
        return FixedEndPath.class;
    }

    @Override
    public Space create(Parameters parameters) {
        double[] a = parameters.vector("start");
        double[] b = parameters.vector("end");
        if (a.length > 2 || b.length > 2) {
            throw new ConfigurationException(OWNER + ": nodes have k = 1 or 2 components, but start has " + a.length
                    + " and end " + b.length);
        }
        if (a.length != b.length) {
            throw new ConfigurationException(OWNER + ": start has " + a.length + " component(s) but end has "
                    + b.length + "; give both in R^k with the same k (1 or 2)");
        }
        return new PathSpace((int) parameters.integer("nodes"), parameters.real("length"), a, b);
    }
}
