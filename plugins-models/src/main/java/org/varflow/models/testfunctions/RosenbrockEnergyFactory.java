package org.varflow.models.testfunctions;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * The Rosenbrock "banana" function on R^d, d &gt;= 2 (the chained form)
 *
 * <pre>
 *   E(x) = sum_{i=1..d-1} [ a (x_{i+1} - x_i^2)^2 + (1 - x_i)^2 ]
 *
 *   dE/dx_i = -4 a x_i (x_{i+1} - x_i^2) - 2 (1 - x_i)   [i &lt;= d-1]
 *             + 2 a (x_i - x_{i-1}^2)                     [i &gt;= 2]
 *
 *   Hess_ii     = 12 a x_i^2 - 4 a x_{i+1} + 2             [i &lt;= d-1]
 *                 + 2 a                                     [i &gt;= 2]
 *   Hess_i,i+1  = Hess_i+1,i = -4 a x_i                    (tridiagonal)
 * </pre>
 *
 * The global minimum is E(1, ..., 1) = 0, at the end of a long, curved, flat-bottomed valley x_{i+1} ~ x_i^2; with
 * a = 100 the Hessian there has condition number about 2500 (d = 2), so steepest descent creeps along the valley.
 * For 4 &lt;= d &lt;= 7 there is also a local minimum near x_1 = -1.
 *
 * <p>Reference: H. H. Rosenbrock (1960), An automatic method for finding the greatest or least value of a function,
 * The Computer Journal 3(3), 175-184.
 */
public final class RosenbrockEnergyFactory implements EnergyFactory {
    /** How the part is named in messages. */
    static final String OWNER = "energy 'rosenbrock'";

    @Override
    public String id() {
        return "rosenbrock";
    }

    @Override
    public String summary() {
        return "Rosenbrock's banana valley sum_i a (x_{i+1} - x_i^2)^2 + (1 - x_i)^2: minimum 0 at (1, ..., 1)";
    }

    @Override
    public String formula() {
        return "E(x) = sum_{i=1..d-1} [ a (x_{i+1} - x_i^2)^2 + (1 - x_i)^2 ]  (d >= 2; minimum E(1,...,1) = 0)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.real("a", 100, 0, Double.MAX_VALUE,
                "weight of the valley walls a (x_{i+1} - x_i^2)^2; larger a, narrower valley, worse conditioning"));
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        int d = space.dimension();
        if (d < 2) {
            throw new ConfigurationException(OWNER + " needs dimension >= 2 (it couples x_i with x_{i+1}) but the"
                    + " space has dimension " + d + "; set the space's dimension to 2 or more");
        }
        return new Rosenbrock(parameters.real("a"));
    }

    /** The chained Rosenbrock function with valley weight a. */
    private record Rosenbrock(double a) implements Energy {

        @Override
        public double value(double[] x) {
            double e = 0;
            for (int i = 0; i < x.length - 1; i++) {
                double wall = x[i + 1] - x[i] * x[i];
                double off = 1 - x[i];
                e += a * wall * wall + off * off;
            }
            return e;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            valueAndGradient(x, out);
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
            int d = x.length;
            double e = 0;
            double fromLeft = 0; // 2 a (x_i - x_{i-1}^2), the derivative of term i-1 in x_i
            for (int i = 0; i < d - 1; i++) {
                double wall = x[i + 1] - x[i] * x[i];
                double off = 1 - x[i];
                e += a * wall * wall + off * off;
                gradient[i] = fromLeft - 4 * a * x[i] * wall - 2 * off;
                fromLeft = 2 * a * wall;
            }
            gradient[d - 1] = fromLeft;
            return e;
        }

        @Override
        public void hessian(double[] x, double[] out) {
            int d = x.length;
            Arrays.fill(out, 0, d * d, 0.0);
            for (int i = 0; i < d; i++) {
                double h = i > 0 ? 2 * a : 0;
                if (i < d - 1) {
                    h += 12 * a * x[i] * x[i] - 4 * a * x[i + 1] + 2;
                    double c = -4 * a * x[i];
                    out[i * d + i + 1] = c;
                    out[(i + 1) * d + i] = c;
                }
                out[i * d + i] = h;
            }
        }
    }
}
