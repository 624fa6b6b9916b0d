package org.varflow.noise.entropy;

import java.util.List;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Entropy;
import org.varflow.api.EntropyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.ParameterType;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * The Boltzmann entropy with a temperature schedule beta(t) (simulated annealing):
 *
 * <pre>
 *   constant:     beta(t) = beta0
 *   geometric:    beta(t) = beta0 exp(rate t)          (T multiplied by exp(-rate h) every step)
 *   logarithmic:  beta(t) = beta0 log(e + rate t)      (T(t) = T0 / log(e + rate t), Geman and Geman 1984)
 * </pre>
 *
 * each capped at {@code betaMax} when given. The noise reads T(t) = 1 / beta(t) at every step, so the samples
 * follow the Langevin dynamics of the current Gibbs law exp(-beta(t) E) / Z(t); as beta grows that law concentrates
 * on the global minimum. A logarithmic schedule with T0 at least the depth of the deepest non-global well finds the
 * global minimum in probability (Hajek 1988) but cools very slowly; a geometric schedule is the practical choice and
 * may freeze the samples in a local well when cooled too fast.
 *
 * <p>{@link Entropy#beta()} is beta0, the value at t = 0.
 */
public final class AnnealedEntropyFactory implements EntropyFactory {
    static final String OWNER = "entropy 'annealed'";

    @Override
    public String id() {
        return "annealed";
    }

    @Override
    public String summary() {
        return "Boltzmann entropy with a cooling schedule beta(t): constant, geometric or logarithmic (annealing)";
    }

    @Override
    public String formula() {
        return "beta^-1(t) integral rho log rho;  constant: beta0;  geometric: beta0 exp(rate t);  logarithmic:"
                + " beta0 log(e + rate t);  capped at betaMax";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.positive("beta", 1.0, "inverse temperature beta0 at t = 0 (T0 = 1/beta0)"),
                Parameter.choice("schedule", List.of("geometric", "logarithmic", "constant"),
                        "how beta grows: geometric beta0 exp(rate t), logarithmic beta0 log(e + rate t), constant"),
                Parameter.real("rate", 1.0, 0.0, 1e6, "the cooling rate in the schedule (per unit time)"),
                new Parameter("betaMax", ParameterType.REAL, null, 0.0, true, Double.MAX_VALUE, List.of(),
                        "largest beta the schedule reaches (no cap when absent)"));
    }

    @Override
    public Entropy create(Parameters parameters, Space space) {
        double beta0 = parameters.real("beta");
        double cap = parameters.has("betaMax") ? parameters.real("betaMax") : Double.POSITIVE_INFINITY;
        if (cap < beta0) {
            throw new ConfigurationException(OWNER + ": betaMax = " + Parameter.format(cap) + " is below beta = "
                    + Parameter.format(beta0) + "; give betaMax >= beta");
        }
        return new Annealed(beta0, Schedule.valueOf(parameters.text("schedule").toUpperCase(java.util.Locale.ROOT)),
                parameters.real("rate"), cap);
    }

    /** The shape of beta(t) / beta0. */
    public enum Schedule {
        CONSTANT, GEOMETRIC, LOGARITHMIC;

        /** beta(t) / beta0. */
        double factor(double rate, double t) {
            return switch (this) {
                case CONSTANT -> 1.0;
                case GEOMETRIC -> Math.exp(rate * t);
                case LOGARITHMIC -> Math.log(Math.E + rate * t);
            };
        }
    }

    /**
     * beta(t) = min(betaMax, beta0 * factor(t)).
     *
     * @param beta0    beta at t = 0
     * @param schedule the shape
     * @param rate     the rate in the schedule
     * @param betaMax  the cap (+infinity for none)
     */
    public record Annealed(double beta0, Schedule schedule, double rate, double betaMax) implements Entropy {
        public Annealed {
            if (!(beta0 > 0) || Double.isInfinite(beta0)) {
                throw new IllegalArgumentException("beta0 = " + beta0 + " must be finite and > 0");
            }
            if (!(rate >= 0) || !(betaMax >= beta0)) {
                throw new IllegalArgumentException("rate = " + rate + " must be >= 0 and betaMax = " + betaMax
                        + " >= beta0");
            }
        }

        @Override
        public double beta() {
            return beta0;
        }

        /** beta(t), never below beta0 nor above betaMax. */
        public double betaAt(double t) {
            double b = beta0 * schedule.factor(rate, Math.max(0.0, t));
            return Double.isNaN(b) ? betaMax : Math.min(betaMax, b);
        }

        /** T(t) = 1 / beta(t) (0 once beta overflows to infinity without a cap). */
        @Override
        public double temperatureAt(double t) {
            return 1.0 / betaAt(t);
        }

        @Override
        public boolean isNone() {
            return false;
        }
    }
}
