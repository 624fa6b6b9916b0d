package org.varflow.generative;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * The entropic optimal-transport functional on the {@code coupling} space, as the negative of its dual:
 * <pre>
 *   E(f, g) = -( &lt;a, f&gt; + &lt;b, g&gt; - eps sum_ij a_i b_j (exp((f_i + g_j - C_ij) / eps) - 1) ),
 *   dE/df_i = (P 1)_i - a_i,   dE/dg_j = (P^T 1)_j - b_j,   P_ij = a_i b_j exp((f_i + g_j - C_ij) / eps).
 * </pre>
 * E is convex; its minimum is -OT_eps(a, b), attained where P has the marginals a and b, and there P = pi_eps, the
 * static Schrödinger bridge: the minimiser of &lt;C, P&gt; + eps KL(P | a (x) b), i.e. of the KL divergence to the
 * Brownian reference with variance eps/2 per unit time. The gradient is the marginal violation. Minimising E exactly
 * over f, then over g, is Sinkhorn's iteration (scheme {@code sinkhorn}); so E never increases along it. eps is the
 * temperature of the bridge.
 */
public final class EntropicOtEnergyFactory implements EnergyFactory {
    static final String ID = "entropic-ot";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "minus the dual of entropic OT on a coupling's potentials: minimum -OT_eps at the Schrödinger bridge";
    }

    @Override
    public String formula() {
        return "E(f, g) = -<a,f> - <b,g> + eps sum a_i b_j (exp((f_i + g_j - C_ij)/eps) - 1);  dE = (P1 - a, P^T1 - b)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.real("epsilon", 0.1, 1e-4, 1e4,
                "eps: regularisation (temperature); the reference Brownian motion has variance eps/2 per unit time"));
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        if (!(space instanceof CouplingSpaceFactory.CouplingSpace coupling)) {
            throw new ConfigurationException("energy '" + ID + "' needs the space '" + CouplingSpaceFactory.ID
                    + "' (it reads the two sample sets from it); got a space of kind " + space.kind()
                    + " and dimension " + space.dimension());
        }
        return new Dual(coupling.sources(), coupling.targets(), coupling.cost(), parameters.real("epsilon"));
    }

    /**
     * E and dE for uniform weights; allocation-free.
     *
     * @param n       sources
     * @param m       targets
     * @param cost    C, row-major n x m
     * @param epsilon eps
     */
    public record Dual(int n, int m, double[] cost, double epsilon) implements Energy {
        @Override
        public double value(double[] x) {
            double a = 1.0 / n;
            double b = 1.0 / m;
            double linear = 0;
            for (int i = 0; i < n; i++) {
                linear += a * x[i];
            }
            for (int j = 0; j < m; j++) {
                linear += b * x[n + j];
            }
            double mass = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    mass += Math.exp((x[i] + x[n + j] - cost[i * m + j]) / epsilon);
                }
            }
            return -linear + epsilon * (a * b * mass - 1);
        }

        @Override
        public void gradient(double[] x, double[] out) {
            double ab = 1.0 / ((double) n * m);
            java.util.Arrays.fill(out, 0, n + m, 0.0);
            for (int i = 0; i < n; i++) {
                double row = 0;
                for (int j = 0; j < m; j++) {
                    double p = ab * Math.exp((x[i] + x[n + j] - cost[i * m + j]) / epsilon);
                    row += p;
                    out[n + j] += p;
                }
                out[i] = row - 1.0 / n;
            }
            for (int j = 0; j < m; j++) {
                out[n + j] -= 1.0 / m;
            }
        }

        /** The transport cost &lt;C, P&gt; of the plan the potentials x = (f, g) define. */
        public double transportCost(double[] x) {
            double ab = 1.0 / ((double) n * m);
            double s = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    s += cost[i * m + j] * ab * Math.exp((x[i] + x[n + j] - cost[i * m + j]) / epsilon);
                }
            }
            return s;
        }
    }
}
