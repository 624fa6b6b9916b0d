package org.varflow.models.targets;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * The Mueller-Brown potential on R^2 (K. Mueller, L. D. Brown (1979), Location of saddle points and minimum energy
 * paths by a constrained simplex optimization procedure, Theor. Chim. Acta 53, 75-93), the standard test of
 * transition-path and sampling methods:
 *
 * <pre>
 *   V(x, y) = s sum_{k=1..4} A_k exp(a_k (x - x0_k)^2 + b_k (x - x0_k)(y - y0_k) + c_k (y - y0_k)^2)
 *   A = (-200, -100, -170, 15), a = (-1, -1, -6.5, 0.7), b = (0, 0, 11, 0.6), c = (-10, -10, -6.5, 0.7),
 *   x0 = (1, 0, -0.5, -1), y0 = (0, 0.5, 1.5, 1)
 * </pre>
 *
 * Minima near (-0.558, 1.442) (V = -146.70), (0.623, 0.028) (V = -108.17) and (-0.050, 0.467) (V = -80.77).
 * The factor s ({@code scale}) brings the barriers (tens of units) down to a temperature one wants to sample at.
 */
public final class MullerBrownEnergyFactory implements EnergyFactory {
    static final double[] A = {-200, -100, -170, 15};
    static final double[] AA = {-1, -1, -6.5, 0.7};
    static final double[] B = {0, 0, 11, 0.6};
    static final double[] C = {-10, -10, -6.5, 0.7};
    static final double[] X0 = {1, 0, -0.5, -1};
    static final double[] Y0 = {0, 0.5, 1.5, 1};

    @Override
    public String id() {
        return "muller-brown";
    }

    @Override
    public String summary() {
        return "Mueller-Brown potential on R^2: three minima, two saddles (Mueller and Brown 1979)";
    }

    @Override
    public String formula() {
        return "E(x) = s sum_k A_k exp(a_k (x1 - x0_k)^2 + b_k (x1 - x0_k)(x2 - y0_k) + c_k (x2 - y0_k)^2),"
                + " A = (-200, -100, -170, 15), a = (-1, -1, -6.5, 0.7), b = (0, 0, 11, 0.6), c = (-10, -10, -6.5,"
                + " 0.7), x0 = (1, 0, -0.5, -1), y0 = (0, 0.5, 1.5, 1)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.positive("scale", 1, "factor s multiplying the potential (e.g. 0.1 to sample at"
                + " T = 1 with barriers of a few units)"));
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        if (space.dimension() != 2) {
            throw new ConfigurationException("energy 'muller-brown' is defined on R^2; the space has dimension "
                    + space.dimension() + " (set space.dimension=2)");
        }
        return new MullerBrown(parameters.real("scale"));
    }

    /** V(x, y) scaled by s. */
    record MullerBrown(double scale) implements Energy {

        @Override
        public double value(double[] p) {
            double v = 0;
            for (int k = 0; k < 4; k++) {
                double dx = p[0] - X0[k];
                double dy = p[1] - Y0[k];
                v += A[k] * Math.exp(AA[k] * dx * dx + B[k] * dx * dy + C[k] * dy * dy);
            }
            return scale * v;
        }

        @Override
        public void gradient(double[] p, double[] out) {
            valueAndGradient(p, out);
        }

        @Override
        public double valueAndGradient(double[] p, double[] out) {
            double v = 0;
            double gx = 0;
            double gy = 0;
            for (int k = 0; k < 4; k++) {
                double dx = p[0] - X0[k];
                double dy = p[1] - Y0[k];
                double t = A[k] * Math.exp(AA[k] * dx * dx + B[k] * dx * dy + C[k] * dy * dy);
                v += t;
                gx += t * (2 * AA[k] * dx + B[k] * dy);
                gy += t * (B[k] * dx + 2 * C[k] * dy);
            }
            out[0] = scale * gx;
            out[1] = scale * gy;
            return scale * v;
        }
    }
}
