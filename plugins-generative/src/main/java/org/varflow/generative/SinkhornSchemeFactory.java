package org.varflow.generative;

import java.util.List;
import java.util.Set;
import org.varflow.api.Flow;
import org.varflow.api.Parameters;
import org.varflow.api.PartKind;
import org.varflow.api.Requirement;
import org.varflow.api.Scheme;
import org.varflow.api.SurrogateSchemeFactory;
import org.varflow.api.Space;

/**
 * Sinkhorn / iterative proportional fitting as a scheme on the potentials of the {@code coupling} space: one step is
 * one half-iteration, exact minimisation of the energy {@code entropic-ot} over f (odd steps: over g), in the log
 * domain:
 * <pre>
 *   f_i = -eps log sum_j b_j exp((g_j - C_ij) / eps)    (rows of P become a: KL projection onto P 1 = a)
 *   g_j = -eps log sum_i a_i exp((f_i - C_ij) / eps)    (columns become b: KL projection onto P^T 1 = b)
 * </pre>
 * with the largest exponent taken out before exponentiating. Block-coordinate descent: E never increases. The step
 * length h and the metric are not used (the update is the exact block minimiser, not a gradient step; core's
 * {@code euler} on the same energy is plain gradient descent on the dual, a different and much slower method). The
 * parity is kept in the particle's auxiliary state. No allocation per step.
 */
public final class SinkhornSchemeFactory implements SurrogateSchemeFactory {
    static final String ID = "sinkhorn";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "Sinkhorn / IPF half-iterations: exact minimisation of entropic-ot over f, then over g";
    }

    @Override
    public String formula() {
        return "f_i = -eps LSE_j(log b_j + (g_j - C_ij)/eps) on even steps, g_j = -eps LSE_i(log a_i + (f_i - "
                + "C_ij)/eps)"
                + " on odd steps";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    /** The scaling steps are coordinate ascent on the dual of entropic OT. */
    static final Requirement<EntropicOtEnergyFactory.Dual> DUAL = Requirement.of(PartKind.ENERGY,
            EntropicOtEnergyFactory.Dual.class, "the energy '" + EntropicOtEnergyFactory.ID + "' on the space '"
                    + CouplingSpaceFactory.ID + "'");

    @Override
    public List<Requirement<?>> requires() {
        return List.of(DUAL);
    }

    @Override
    public Scheme create(Parameters parameters, Flow flow) {
        EntropicOtEnergyFactory.Dual dual = DUAL.get(flow);
        return new Scheme() {
            @Override
            public Stepper stepper(Flow blockFlow) {
                int n = dual.n();
                int m = dual.m();
                double[] cost = dual.cost();
                double eps = dual.epsilon();
                double logA = -Math.log(n);
                double logB = -Math.log(m);
                return (x, aux, step, rng) -> {
                    boolean rows = step.index() % 2 == 0;
                    if (rows) {
                        for (int i = 0; i < n; i++) {
                            double max = Double.NEGATIVE_INFINITY;
                            for (int j = 0; j < m; j++) {
                                max = Math.max(max, (x[n + j] - cost[i * m + j]) / eps);
                            }
                            double sum = 0;
                            for (int j = 0; j < m; j++) {
                                sum += Math.exp((x[n + j] - cost[i * m + j]) / eps - max);
                            }
                            x[i] = -eps * (logB + max + Math.log(sum));
                        }
                    } else {
                        for (int j = 0; j < m; j++) {
                            double max = Double.NEGATIVE_INFINITY;
                            for (int i = 0; i < n; i++) {
                                max = Math.max(max, (x[i] - cost[i * m + j]) / eps);
                            }
                            double sum = 0;
                            for (int i = 0; i < n; i++) {
                                sum += Math.exp((x[i] - cost[i * m + j]) / eps - max);
                            }
                            x[n + j] = -eps * (logA + max + Math.log(sum));
                        }
                    }
                };
            }
        };
    }
}
