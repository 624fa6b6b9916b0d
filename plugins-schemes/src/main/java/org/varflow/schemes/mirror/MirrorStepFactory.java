package org.varflow.schemes.mirror;

import java.util.List;
import java.util.Set;
import org.varflow.api.Energy;
import org.varflow.api.Flow;
import org.varflow.api.MirrorPotential;
import org.varflow.api.NumericalException;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.RandomStream;
import org.varflow.api.Scheme;
import org.varflow.api.SchemeFactory;
import org.varflow.api.Space;
import org.varflow.api.SpaceKinds;
import org.varflow.api.StepContext;

/**
 * The discrete mirror descent step of Nemirovski and Yudin: a gradient step taken in the dual (mirror) coordinates
 * grad phi(x), mapped back,
 *
 * <pre>
 *   grad phi(x_{k+1}) = grad phi(x_k) - h dE(x_k)            (+ lambda 1 on the simplex, so that sum x = 1)
 *
 *   neg-entropy:  x_{k+1,i} = x_{k,i} exp(-h g_i)   [ / sum_j x_{k,j} exp(-h g_j) on the simplex: exponentiated
 *                                                     gradient ]
 *   burg:         x_{k+1,i} = 1 / (1/x_{k,i} + h g_i [+ lambda]),  lambda by Newton so that sum x = 1
 *   p-norm:       x_{k+1} = grad phi*(grad phi(x_k) - h g),  grad phi*(y) = |y|_q^{2-q} sign(y) |y|^{q-1}, q = p/(p-1)
 * </pre>
 *
 * The simplex version is the Bregman projection of the unconstrained step onto the simplex. It is a first-order
 * discretisation of the flow of metric {@code mirror} with the same potential (pair them so that the dissipation
 * check compares like with like). A Burg step that would leave the orthant (1/x + h g &lt;= 0) stops the run with a
 * hint to take a smaller dt.
 */
public final class MirrorStepFactory implements SchemeFactory {
    static final String OWNER = "scheme 'mirror-step'";

    @Override
    public String id() {
        return "mirror-step";
    }

    @Override
    public String summary() {
        return "discrete mirror descent: grad phi(x_{k+1}) = grad phi(x_k) - h dE (exponentiated gradient, Burg,"
                + " p-norm)";
    }

    @Override
    public String formula() {
        return "grad phi(x_{k+1}) = grad phi(x_k) - h dE(x_k) [+ lambda 1 on the simplex];"
                + "  neg-entropy: x_i exp(-h g_i) / Z;  burg: 1/(1/x_i + h g_i + lambda);"
                + "  p-norm: grad phi*(grad phi(x) - h g)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(SpaceKinds.SIMPLEX, SpaceKinds.POSITIVE_ORTHANT, Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(MirrorPotential.parameter(), MirrorPotential.exponent());
    }

    @Override
    public Scheme create(Parameters parameters, Flow flow) {
        Space space = flow.space();
        MirrorPotential potential = MirrorPotential.on(parameters.text("potential"), space, OWNER);
        boolean simplex = space.kind().equals(SpaceKinds.SIMPLEX);
        double p = parameters.real("p");
        return blockFlow -> new MirrorStepper(blockFlow.energy(), potential, simplex, p, blockFlow.dimension());
    }

    /** One block's stepper with its gradient scratch. */
    static final class MirrorStepper implements Scheme.Stepper {
        private static final int MAX_NEWTON = 200;
        private final Energy energy;
        private final MirrorPotential potential;
        private final boolean simplex;
        private final double p;
        private final double q;
        private final double[] g;

        MirrorStepper(Energy energy, MirrorPotential potential, boolean simplex, double p, int d) {
            this.energy = energy;
            this.potential = potential;
            this.simplex = simplex;
            this.p = p;
            this.q = p / (p - 1);
            this.g = new double[d];
        }

        @Override
        public void step(double[] x, double[] aux, StepContext step, RandomStream rng) {
            double h = step.dt();
            energy.gradient(x, g);
            switch (potential) {
                case NEG_ENTROPY -> entropyStep(x, h);
                case BURG -> burgStep(x, h);
                case P_NORM -> pNormStep(x, h);
                default -> throw new IllegalStateException(potential.toString());
            }
        }

        private void entropyStep(double[] x, double h) {
            int d = x.length;
            if (!simplex) {
                for (int i = 0; i < d; i++) {
                    x[i] *= Math.exp(-h * g[i]);
                }
                return;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < d; i++) {
                g[i] = Math.log(x[i]) - h * g[i];
                max = Math.max(max, g[i]);
            }
            double z = 0;
            for (int i = 0; i < d; i++) {
                x[i] = Math.exp(g[i] - max);
                z += x[i];
            }
            for (int i = 0; i < d; i++) {
                x[i] /= z;
            }
        }

        private void burgStep(double[] x, double h) {
            int d = x.length;
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < d; i++) {
                g[i] = 1 / x[i] + h * g[i]; // a_i = -grad phi(x_{k+1}) before the multiplier
                min = Math.min(min, g[i]);
            }
            if (!simplex) {
                if (!(min > 0)) {
                    throw new NumericalException(OWNER + ": the Burg step left the positive orthant (1/x_i + h g_i = "
                            + min + " <= 0); take a smaller dt (now " + h + ")");
                }
                for (int i = 0; i < d; i++) {
                    x[i] = 1 / g[i];
                }
                return;
            }
            // sum_i 1 / (a_i + lambda) = 1: decreasing and convex in lambda > -min a, so Newton from the left
            // (where the sum is > 1) increases monotonically to the root
            double lambda = 0.5 - min;
            for (int it = 0; ; it++) {
                double f = -1;
                double df = 0;
                for (int i = 0; i < d; i++) {
                    double r = 1 / (g[i] + lambda);
                    f += r;
                    df -= r * r;
                }
                double next = lambda - f / df;
                if (!(Math.abs(next - lambda) > 1e-15 * Math.max(1, Math.abs(lambda))) || it == MAX_NEWTON) {
                    if (!Double.isFinite(next)) {
                        throw new NumericalException(OWNER + ": the multiplier of the Burg step on the simplex is not"
                                + " finite; take a smaller dt (now " + h + ")");
                    }
                    lambda = next;
                    break;
                }
                lambda = next;
            }
            double z = 0;
            for (int i = 0; i < d; i++) {
                x[i] = 1 / (g[i] + lambda);
                z += x[i];
            }
            for (int i = 0; i < d; i++) {
                x[i] /= z;
            }
        }

        private void pNormStep(double[] x, double h) {
            int d = x.length;
            double sp = 0;
            for (int i = 0; i < d; i++) {
                sp += Math.pow(Math.abs(x[i]), p);
            }
            double n = Math.pow(sp, 1 / p);
            double scale = n == 0 ? 0 : Math.pow(n, 2 - p);
            double sq = 0;
            for (int i = 0; i < d; i++) {
                g[i] = scale * Math.signum(x[i]) * Math.pow(Math.abs(x[i]), p - 1) - h * g[i];
                sq += Math.pow(Math.abs(g[i]), q);
            }
            double m = Math.pow(sq, 1 / q);
            double back = m == 0 ? 0 : Math.pow(m, 2 - q);
            for (int i = 0; i < d; i++) {
                x[i] = back * Math.signum(g[i]) * Math.pow(Math.abs(g[i]), q - 1);
            }
        }
    }
}
