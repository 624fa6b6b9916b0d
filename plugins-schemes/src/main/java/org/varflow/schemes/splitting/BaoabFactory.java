package org.varflow.schemes.splitting;

import java.util.List;
import java.util.Set;
import org.varflow.api.DampedHamiltonian;
import org.varflow.api.Energy;
import org.varflow.api.Flow;
import org.varflow.api.NumericalException;
import org.varflow.api.Parameters;
import org.varflow.api.PartKind;
import org.varflow.api.RandomStream;
import org.varflow.api.Requirement;
import org.varflow.api.Scheme;
import org.varflow.api.SpaceKinds;
import org.varflow.api.StepContext;
import org.varflow.api.StochasticSchemeFactory;

/**
 * BAOAB (Leimkuhler and Matthews 2013) for underdamped Langevin dynamics on phase space,
 *
 * <pre>
 *   dq = p / m dt,   dp = [-dE(q) - gamma p] dt + sqrt(2 gamma m T) dW
 * </pre>
 *
 * split into the kick B (p += -(h/2) dE(q)), the drift A (q += (h/2) p / m) and the exact Ornstein-Uhlenbeck step
 * O of the friction and noise on the momenta:
 *
 * <pre>
 *   B, A,  O: p = c p + sqrt((1 - c^2) m T) xi,  c = exp(-gamma h),  A, B
 * </pre>
 *
 * <p><b>Where its parts come from.</b> gamma and m come from the metric ({@code underdamped}, K = [[0,0],[0,gamma m
 * I]]; {@code symplectic} is gamma = 0, where BAOAB is leapfrog); T = flow.temperature(t) comes from the entropy
 * part at the start of the step, and is 0 when the flow is deterministic (noise {@code none} or entropy
 * {@code none}). The O step realises exactly the thermal noise sqrt(2 h T) K^{1/2} xi of the metric: BAOAB does not
 * call the noise part's increment, it only asks whether there is noise.
 *
 * <p><b>Properties.</b> Weak order two; for a quadratic E the q-marginal of its stationary law is exact at every
 * stable h (&lt;q^2&gt; = T / omega^2) while &lt;p^2&gt; = m T (1 - h^2 omega^2 / 4) carries an O(h^2) bias. At T = 0
 * it is Polyak's heavy-ball method: with u_k the half-kicked momentum,
 * q_{k+1} = q_k - alpha dE(q_k) + mu (q_k - q_{k-1}), alpha = h^2 (1 + c) / 2m, mu = c. As gamma grows the
 * q-dynamics approach overdamped Langevin dq = -dE/(gamma m) dt + sqrt(2 T / (gamma m)) dW.
 */
public final class BaoabFactory implements StochasticSchemeFactory {

    @Override
    public String id() {
        return "baoab";
    }

    @Override
    public String summary() {
        return "BAOAB splitting for underdamped Langevin (kick, drift, exact friction+noise, drift, kick);"
                + " heavy ball at T = 0";
    }

    @Override
    public String formula() {
        return "p += -(h/2) dE(q);  q += (h/2) p/m;  p = c p + sqrt((1 - c^2) m T) xi, c = exp(-gamma h);"
                + "  q += (h/2) p/m;  p += -(h/2) dE(q)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(SpaceKinds.PHASE_SPACE);
    }


    @Override
    public List<Requirement<?>> requires() {
        return List.of(SplittingSchemes.DAMPED);
    }

    @Override
    public Scheme create(Parameters parameters, Flow flow) {
        DampedHamiltonian metric = SplittingSchemes.DAMPED.get(flow);
        return blockFlow -> new BaoabStepper(blockFlow, metric);
    }

    /** One block's scratch. */
    private static final class BaoabStepper implements Scheme.Stepper {
        private final Flow flow;
        private final Energy energy;
        private final boolean deterministic;
        private final int n;
        private final double mass;
        private final double friction;
        private final double[] gradient;
        private double lastH = Double.NaN;
        private double c;
        private double oneMinusC2;

        BaoabStepper(Flow flow, DampedHamiltonian metric) {
            this.flow = flow;
            this.energy = flow.energy();
            this.deterministic = flow.isDeterministic();
            this.n = flow.dimension() / 2;
            this.mass = metric.mass();
            this.friction = metric.friction();
            this.gradient = new double[2 * n];
        }

        @Override
        public void step(double[] x, double[] aux, StepContext step, RandomStream rng) {
            double t = step.time();
            double h = step.dt();
            if (h != lastH) {
                c = Math.exp(-friction * h);
                oneMinusC2 = -Math.expm1(-2 * friction * h);
                lastH = h;
            }
            double half = 0.5 * h;
            double drift = half / mass;
            energy.gradient(x, gradient);
            for (int i = 0; i < n; i++) {
                x[n + i] -= half * gradient[i];            // B
            }
            for (int i = 0; i < n; i++) {
                x[i] += drift * x[n + i];                  // A
            }
            double temperature = deterministic ? 0.0 : flow.temperature(t);
            if (!(temperature >= 0)) {
                throw new NumericalException("scheme 'baoab': temperature T = " + temperature + " is not >= 0 at t = "
                        + t + "; check the entropy part (T = 1/beta)", PartKind.ENTROPY);
            }
            if (temperature > 0 && friction > 0) {         // O: exact OU step of friction and noise
                double sigma = Math.sqrt(oneMinusC2 * mass * temperature);
                for (int i = 0; i < n; i++) {
                    x[n + i] = c * x[n + i] + sigma * rng.nextGaussian();
                }
            } else if (friction > 0) {
                for (int i = 0; i < n; i++) {
                    x[n + i] *= c;
                }
            }
            for (int i = 0; i < n; i++) {
                x[i] += drift * x[n + i];                  // A
            }
            energy.gradient(x, gradient);
            for (int i = 0; i < n; i++) {
                x[n + i] -= half * gradient[i];            // B
            }
        }
    }
}
