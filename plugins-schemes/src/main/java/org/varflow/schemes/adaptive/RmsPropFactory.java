package org.varflow.schemes.adaptive;

import java.util.List;
import java.util.Set;
import org.varflow.api.Energy;
import org.varflow.api.Flow;
import org.varflow.api.Metric;
import org.varflow.api.Parameter;
import org.varflow.api.ParameterType;
import org.varflow.api.Parameters;
import org.varflow.api.RandomStream;
import org.varflow.api.Scheme;
import org.varflow.api.SurrogateSchemeFactory;
import org.varflow.api.Space;
import org.varflow.api.StepContext;

/**
 * RMSProp (Tieleman and Hinton 2012) as an adaptive diagonal metric: per particle the runner keeps the running
 * mean square v of the gradient (d auxiliary coordinates, starting at zero); with g = dE(x_k),
 *
 * <pre>
 *   v_k = rho v_{k-1} + (1 - rho) g * g
 *   x_{k+1} = R_{x_k}( -h g / (sqrt(v_k) + epsilon) )        (K_k = diag(1 / (sqrt(v_k) + eps)))
 * </pre>
 *
 * without bias correction and with epsilon outside the square root (the PyTorch convention; rho = 0.99 default).
 */
public final class RmsPropFactory implements SurrogateSchemeFactory {

    @Override
    public String id() {
        return "rmsprop";
    }

    @Override
    public String summary() {
        return "RMSProp: Euler step with the adaptive diagonal metric diag(1/(sqrt(v)+eps)), v a running mean of g^2";
    }

    @Override
    public String formula() {
        return "v = rho v + (1-rho) g^2;  x -= h g/(sqrt(v) + eps)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                new Parameter("rho", ParameterType.REAL, "0.99", 0, false, 1 - 1e-12, List.of(),
                        "decay rate of the running mean square v, in [0, 1)"),
                Parameter.positive("epsilon", 1e-8, "added to sqrt(v) so that the metric stays bounded"));
    }

    @Override
    public Scheme create(Parameters parameters, Flow flow) {
        double rho = parameters.real("rho");
        double epsilon = parameters.real("epsilon");
        return new Scheme() {
            @Override
            public Stepper stepper(Flow flow) {
                return new RmsPropStepper(flow, rho, epsilon);
            }

            @Override
            public int auxiliaryDimension(Flow flow) {
                return flow.dimension();
            }
        };
    }

    /** One block's stepper; aux = v of the particle being stepped. */
    static final class RmsPropStepper implements Scheme.Stepper {
        private final Energy energy;
        private final Metric metric;
        private final double rho;
        private final double epsilon;
        private final double[] g;
        private final double[] velocity;
        private final double[] next;

        RmsPropStepper(Flow flow, double rho, double epsilon) {
            this.energy = flow.energy();
            this.metric = flow.metric();
            this.rho = rho;
            this.epsilon = epsilon;
            int d = flow.dimension();
            this.g = new double[d];
            this.velocity = new double[d];
            this.next = new double[d];
        }

        @Override
        public void step(double[] x, double[] aux, StepContext step, RandomStream rng) {
            double h = step.dt();
            int d = x.length;
            energy.gradient(x, g);
            for (int i = 0; i < d; i++) {
                double v = rho * aux[i] + (1 - rho) * g[i] * g[i];
                aux[i] = v;
                velocity[i] = -(h * g[i] / (Math.sqrt(v) + epsilon));
            }
            metric.retract(x, velocity, next);
            System.arraycopy(next, 0, x, 0, d);
        }
    }
}
