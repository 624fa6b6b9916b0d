package org.varflow.models.manifold;

import java.util.List;
import java.util.Set;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceKinds;

/**
 * A linear cost E(x) = c^T x, dE = c: the expected loss of a mixed strategy x over experts with losses c (on the
 * simplex), or a linear penalty on rates (on the positive orthant).
 *
 * <p>On the simplex its minimum is the vertex of the smallest c_i; mirror descent with the entropy (exponentiated
 * gradient, Hedge) gives x_k proportional to x_0 exp(-k h c) exactly. On the positive orthant with c &gt; 0 the Burg
 * (log-barrier) flow x' = -x^2 c gives x(t) = x0 / (1 + c x0 t), which stays positive for all times.
 */
public final class LinearEnergyFactory implements EnergyFactory {

    @Override
    public String id() {
        return "linear";
    }

    @Override
    public String summary() {
        return "linear cost c^T x (expert losses on the simplex): exponentiated gradient gives x_k ~ x_0 exp(-k h c)";
    }

    @Override
    public String formula() {
        return "E(x) = c^T x,  dE = c  (c_i = i unless given; on the simplex min at the vertex of the smallest c_i)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(SpaceKinds.SIMPLEX, SpaceKinds.POSITIVE_ORTHANT);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.vector("c", null, "cost vector c (one number is used for every coordinate);"
                + " default c_i = i"));
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        int d = space.dimension();
        double[] c;
        if (parameters.has("c")) {
            c = Parameters.broadcast("energy 'linear'", "c", parameters.vector("c"), d,
                    "dimension " + d + " is needed");
        } else {
            c = new double[d];
            for (int i = 0; i < d; i++) {
                c[i] = i + 1;
            }
        }
        return new LinearCost(c);
    }

    /** c^T x. */
    record LinearCost(double[] c) implements Energy {
        @Override
        public double value(double[] x) {
            double e = 0;
            for (int i = 0; i < c.length; i++) {
                e += c[i] * x[i];
            }
            return e;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            System.arraycopy(c, 0, out, 0, c.length);
        }

        @Override
        public void hessian(double[] x, double[] out) {
            java.util.Arrays.fill(out, 0, c.length * c.length, 0.0);
        }
    }
}
