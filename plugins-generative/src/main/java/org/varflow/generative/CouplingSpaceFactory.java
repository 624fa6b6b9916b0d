package org.varflow.generative;

import java.util.List;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;

/**
 * The state of a static Schrödinger bridge: the coupling between two sample sets, held through its dual potentials.
 *
 * <p>The clouds are the demonstration's ({@link SchrodingerBridge#demoSource}, {@link SchrodingerBridge#demoTarget}:
 * n points of N(0, diag(1, 0.25)) and m points of the 2-D three-component mixture). An entropic coupling has the form
 * P_ij = a_i b_j exp((f_i + g_j - C_ij) / eps), so the state is (f, g) in R^(n + m), starting at 0 (P = a (x) b
 * e^-C/eps); the space kind is {@code euclidean} (the potentials are plain coordinates). The energy
 * {@code entropic-ot} and the scheme {@code sinkhorn} read the clouds from here.
 */
public final class CouplingSpaceFactory implements SpaceFactory {
    static final String ID = "coupling";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "a coupling of two 2-D sample sets, held by its dual potentials (f, g) in R^(n+m)";
    }

    @Override
    public String formula() {
        return "P_ij = a_i b_j exp((f_i + g_j - C_ij)/eps), C_ij = |x_i - y_j|^2, a = 1/n, b = 1/m; state (f, g) = 0";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("n", 200, 1, 5000, "source points, N((0, 0), diag(1, 0.25))"),
                Parameter.integer("m", 240, 1, 5000, "target points, the 2-D three-component Gaussian mixture"),
                Parameter.integer("seed", 7, 0, Long.MAX_VALUE, "seed of both clouds"));
    }

    @Override
    public Space create(Parameters parameters) {
        int n = (int) parameters.integer("n");
        int m = (int) parameters.integer("m");
        long seed = parameters.integer("seed");
        return new CouplingSpace(SchrodingerBridge.demoSource(n, seed), SchrodingerBridge.demoTarget(m, seed), 2);
    }

    /**
     * Two clouds, row-major, dimension d; the state (f, g).
     *
     * @param x source points
     * @param y target points
     * @param d dimension of the points
     */
    public record CouplingSpace(double[] x, double[] y, int d) implements Space {
        public CouplingSpace {
            x = x.clone();
            y = y.clone();
        }

        /** n. */
        public int sources() {
            return x.length / d;
        }

        /** m. */
        public int targets() {
            return y.length / d;
        }

        /** The cost matrix C_ij = |x_i - y_j|^2, row-major n x m (a new array). */
        public double[] cost() {
            return org.varflow.ot.Costs.squaredEuclidean(x, y, d);
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }

        @Override
        public String kind() {
            return EUCLIDEAN;
        }

        @Override
        public int dimension() {
            return sources() + targets();
        }

        @Override
        public double[] initialState() {
            return new double[dimension()];
        }

        @Override
        public String coordinateName(int i) {
            return i < sources() ? "f" + (i + 1) : "g" + (i - sources() + 1);
        }
    }
}
