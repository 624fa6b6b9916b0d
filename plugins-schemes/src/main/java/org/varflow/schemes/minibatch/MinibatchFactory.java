package org.varflow.schemes.minibatch;

import java.util.List;
import org.varflow.api.FiniteSumEnergy;
import org.varflow.api.Flow;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.PartKind;
import org.varflow.api.Requirement;
import org.varflow.api.Scheme;
import org.varflow.api.StochasticSchemeFactory;
import org.varflow.api.SurrogateSchemeFactory;

/**
 * Euler-Maruyama with a minibatch estimate of the gradient, for finite-sum energies E = r + sum_{i=1..n} f_i:
 *
 * <pre>
 *   g_k = dr(x_k) + (n / |B_k|) sum_{i in B_k} df_i(x_k)                        (unbiased for dE(x_k))
 *   x_{k+1} = R_{x_k}( h_k [ -K g_k + J g_k + T div K ] + sqrt(2 h_k T) K^{1/2} xi_k )
 * </pre>
 *
 * With no noise (entropy or noise {@code none}) it is stochastic gradient descent; with thermal noise at T = 1 on a
 * negative log-posterior it is stochastic gradient Langevin dynamics (SGLD, Welling and Teh 2011). Batches are drawn
 * with or without replacement, or as reshuffled epochs; the step h_k follows a {@link StepSchedule} (constant or
 * Welling-Teh h_k = h (1 + k/b)^-gamma).
 *
 * <p><b>Time.</b> The runner's clock advances by dt per step: the reported {@code time} is steps x dt and the
 * temperature schedule is read at that time. The dynamics itself advances by h_k, so with a decaying schedule the
 * Langevin time actually integrated is sum_k h_k, reported as {@code scheme.langevinTime}; k counts the particle's own
 * steps (kept in its auxiliary state, so a resumed checkpoint continues the schedule).
 *
 * <p><b>Gradient noise.</b> SGD behaves like Langevin dynamics with noise covariance h_k^2 Sigma per step, Sigma the
 * covariance of g_k; every step the scheme estimates tr Sigma from the batch's per-example gradients
 * (n^2 s^2 / |B| times 1 - |B|/n without replacement, s^2 their sample variance) and reports the mean over steps and
 * particles as {@code scheme.gradientNoiseTrace}, and the temperature at which thermal noise would have the same
 * trace, T_sgd = h_k tr Sigma / (2 d) (for K = I), as {@code scheme.sgdTemperature}; SGLD samples the intended law
 * when T_sgd is small against T.
 */
public final class MinibatchFactory implements StochasticSchemeFactory, SurrogateSchemeFactory {

    @Override
    public String id() {
        return "minibatch";
    }

    @Override
    public String summary() {
        return "Euler-Maruyama with a minibatch gradient of a finite-sum energy: SGD without noise, SGLD with"
                + " thermal noise";
    }

    @Override
    public String formula() {
        return "g = dr(x) + (n/|B|) sum_{i in B} df_i(x);  x += h_k (-K g + J g + T div K) + sqrt(2 h_k T) K^{1/2}"
                + " xi;  h_k = dt (constant) or dt (1 + k/b)^-gamma (welling-teh)";
    }


    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer("batchSize", 10, 1, Integer.MAX_VALUE, "examples per minibatch |B|"),
                Parameter.choice("sampling", List.of(Sampling.WITHOUT_REPLACEMENT.label(),
                                Sampling.WITH_REPLACEMENT.label(), Sampling.RESHUFFLED_EPOCHS.label()),
                        "how batches are drawn: a fresh random subset each step, independent indices, or consecutive"
                                + " slices of a permutation reshuffled every epoch"),
                Parameter.choice("schedule", List.of("constant", "welling-teh"),
                        "step sizes: constant h_k = dt, or welling-teh h_k = dt (1 + k/b)^-gamma"),
                Parameter.positive("decayOffset", 100, "b in the welling-teh schedule (steps before the decay"
                        + " is felt)"),
                Parameter.real("decayPower", 0.55, 0.0, 1.0, "gamma in the welling-teh schedule; (0.5, 1] meets"
                        + " the Robbins-Monro conditions"));
    }

    @Override
    public Scheme create(Parameters parameters, Flow flow) {
        StepSchedule schedule = parameters.text("schedule").equals("welling-teh")
                ? new StepSchedule(true, parameters.real("decayOffset"), parameters.real("decayPower"))
                : StepSchedule.constant();
        return new MinibatchScheme((int) parameters.integer("batchSize"),
                Sampling.fromLabel(parameters.text("sampling")), schedule, FINITE_SUM.get(flow));
    }

    /** The per-example terms the batches are drawn from. */
    static final Requirement<FiniteSumEnergy> FINITE_SUM = Requirement.of(PartKind.ENERGY, FiniteSumEnergy.class,
            "a finite-sum energy E = r + sum_i f_i (e.g. 'bayes-linear-regression'; for the full gradient use scheme"
                    + " 'euler' or 'euler-maruyama')");

    @Override
    public List<Requirement<?>> requires() {
        return List.of(FINITE_SUM);
    }
}
