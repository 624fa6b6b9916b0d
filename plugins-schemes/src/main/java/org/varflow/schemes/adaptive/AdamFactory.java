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
 * Adam (Kingma and Ba 2015) as an adaptive diagonal metric whose state evolves with the flow. Per particle the
 * runner keeps the moment estimates m and v (2d auxiliary coordinates, starting at zero). With g = dE(x_k),
 * step number k (the step's index + 1, counting the steps taken) and learning rate h (the step):
 *
 * <pre>
 *   m_k = beta1 m_{k-1} + (1 - beta1) g
 *   v_k = beta2 v_{k-1} + (1 - beta2) g * g
 *   m^_k = m_k / (1 - beta1^k),   v^_k = v_k / (1 - beta2^k)                  (bias correction)
 *   x_{k+1} = R_{x_k}( -h m^_k / (sqrt(v^_k) + epsilon) )
 * </pre>
 *
 * i.e. an Euler step x_{k+1} = x_k - h K_k m^_k with the diagonal Onsager operator K_k = diag(1/(sqrt(v^_k) + eps))
 * applied to the momentum m^_k instead of the gradient. R is the flow's metric retraction (x + v for the Euclidean
 * metric: then the iterates are bit for bit those of the textbook update). The metric's K is not used for the
 * step: with another metric the observers' dissipation check measures against that metric, not against K_k.
 */
public final class AdamFactory implements SurrogateSchemeFactory {

    @Override
    public String id() {
        return "adam";
    }

    @Override
    public String summary() {
        return "Adam: Euler step with the adaptive diagonal metric diag(1/(sqrt(v^)+eps)) on the momentum m^";
    }

    @Override
    public String formula() {
        return "m = b1 m + (1-b1) g;  v = b2 v + (1-b2) g^2;  m^ = m/(1-b1^k);  v^ = v/(1-b2^k);"
                + "  x -= h m^/(sqrt(v^) + eps),  k = steps taken";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                new Parameter("beta1", ParameterType.REAL, "0.9", 0, false, 1 - 1e-12, List.of(),
                        "decay rate of the first-moment (momentum) estimate m, in [0, 1)"),
                new Parameter("beta2", ParameterType.REAL, "0.999", 0, false, 1 - 1e-12, List.of(),
                        "decay rate of the second-moment estimate v, in [0, 1)"),
                Parameter.positive("epsilon", 1e-8, "added to sqrt(v^) so that the metric stays bounded"));
    }

    @Override
    public Scheme create(Parameters parameters, Flow flow) {
        double beta1 = parameters.real("beta1");
        double beta2 = parameters.real("beta2");
        double epsilon = parameters.real("epsilon");
        return new Scheme() {
            @Override
            public Stepper stepper(Flow flow) {
                return new AdamStepper(flow, beta1, beta2, epsilon);
            }

            @Override
            public int auxiliaryDimension(Flow flow) {
                return 2 * flow.dimension();
            }
        };
    }

    /** One block's stepper; aux = [m (d), v (d)] of the particle being stepped. */
    static final class AdamStepper implements Scheme.Stepper {
        private final Energy energy;
        private final Metric metric;
        private final double beta1;
        private final double beta2;
        private final double epsilon;
        private final double[] g;
        private final double[] velocity;
        private final double[] next;

        AdamStepper(Flow flow, double beta1, double beta2, double epsilon) {
            this.energy = flow.energy();
            this.metric = flow.metric();
            this.beta1 = beta1;
            this.beta2 = beta2;
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
            double k = step.index() + 1; // the bias corrections count the steps taken, whatever h has become
            double c1 = 1 - Math.pow(beta1, k);
            double c2 = 1 - Math.pow(beta2, k);
            energy.gradient(x, g);
            for (int i = 0; i < d; i++) {
                double m = beta1 * aux[i] + (1 - beta1) * g[i];
                double v = beta2 * aux[d + i] + (1 - beta2) * g[i] * g[i];
                aux[i] = m;
                aux[d + i] = v;
                double mHat = m / c1;
                double vHat = v / c2;
                velocity[i] = -(h * mHat / (Math.sqrt(vHat) + epsilon));
            }
            metric.retract(x, velocity, next);
            System.arraycopy(next, 0, x, 0, d);
        }
    }
}
