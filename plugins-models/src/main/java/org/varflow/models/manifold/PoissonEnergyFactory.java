package org.varflow.models.manifold;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceKinds;

/**
 * The Poisson negative log-likelihood of rates x given counts b (up to a constant),
 *
 * <pre>
 *   E(x) = sum_i (x_i - b_i log x_i),    dE_i = 1 - b_i / x_i,    Hess E = diag(b_i / x_i^2)
 * </pre>
 *
 * defined for x &gt; 0 (E = +infinity elsewhere). On the positive orthant its minimiser is x = b; on the simplex it is
 * x = b / sum b. Under the Burg metric K = diag(x^2) the flow is the logistic equation x_i' = x_i (b_i - x_i),
 * x(t) = b / (1 + (b/x0 - 1) e^{-b t}): positive for all times, whatever the step of an exact integrator.
 */
public final class PoissonEnergyFactory implements EnergyFactory {
    static final String OWNER = "energy 'poisson-nll'";

    @Override
    public String id() {
        return "poisson-nll";
    }

    @Override
    public String summary() {
        return "Poisson negative log-likelihood sum x_i - b_i log x_i of rates x (x > 0): minimiser x = b";
    }

    @Override
    public String formula() {
        return "E(x) = sum_i (x_i - b_i log x_i),  dE_i = 1 - b_i/x_i  (x > 0; minimiser b, or b/sum b on the simplex)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(SpaceKinds.POSITIVE_ORTHANT, SpaceKinds.SIMPLEX);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.vector("b", "2", "observed counts b_i > 0 (one number is used for every"
                + " coordinate)"));
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        double[] b = Parameters.broadcast(OWNER, "b", parameters.vector("b"), space.dimension(),
                "dimension " + space.dimension() + " is needed");
        for (int i = 0; i < b.length; i++) {
            if (!(b[i] > 0)) {
                throw new ConfigurationException(OWNER + ": parameter 'b' has entry " + (i + 1) + " = "
                        + Parameter.format(b[i]) + "; counts must be > 0");
            }
        }
        return new Poisson(b);
    }

    /** sum x - b log x. */
    record Poisson(double[] b) implements Energy {
        @Override
        public double value(double[] x) {
            double e = 0;
            for (int i = 0; i < b.length; i++) {
                if (!(x[i] > 0)) {
                    return Double.POSITIVE_INFINITY;
                }
                e += x[i] - b[i] * Math.log(x[i]);
            }
            return e;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            for (int i = 0; i < b.length; i++) {
                out[i] = x[i] > 0 ? 1 - b[i] / x[i] : Double.NaN;
            }
        }

        @Override
        public void hessian(double[] x, double[] out) {
            int d = b.length;
            java.util.Arrays.fill(out, 0, d * d, 0.0);
            for (int i = 0; i < d; i++) {
                out[i * d + i] = b[i] / (x[i] * x[i]);
            }
        }
    }
}
