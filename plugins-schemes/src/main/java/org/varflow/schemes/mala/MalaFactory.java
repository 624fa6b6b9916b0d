package org.varflow.schemes.mala;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConstantMetric;
import org.varflow.api.Flow;
import org.varflow.api.Parameters;
import org.varflow.api.PartKind;
import org.varflow.api.PoissonMetric;
import org.varflow.api.Requirement;
import org.varflow.api.Scheme;
import org.varflow.api.Space;
import org.varflow.api.StochasticSchemeFactory;

/**
 * The Metropolis-adjusted Langevin algorithm (Roberts and Tweedie 1996) for a constant metric K: the
 * Euler-Maruyama step of overdamped Langevin dynamics is used as a proposal,
 *
 * <pre>
 *   y = x - h K dE(x) + sqrt(2 h T) S xi,   S S^T = K,   xi ~ N(0, I),   T = beta^-1 (from the entropy part)
 * </pre>
 *
 * and accepted with probability min(1, exp(a)),
 *
 * <pre>
 *   a = -(E(y) - E(x)) / T + sqrt(2 h T) &lt;S xi, s&gt; / (2T) - h &lt;s, K s&gt; / (4T),   s = dE(x) + dE(y)
 * </pre>
 *
 * which is log[pi(y) q(x | y) / (pi(x) q(y | x))] for pi = exp(-E / T) and the Gaussian proposal
 * q(y | x) = N(x - h K dE(x), 2 h T K), written with K and S only (no inverse of K is formed). The chain is
 * reversible with respect to exp(-E/T) / Z at every step size h: the O(h) bias of ULA (e.g. the stationary
 * variance T / (1 - h/2) of Ornstein-Uhlenbeck) is gone, paid for by rejections. At T = 0 (entropy none or
 * noise none) the proposal is a gradient step accepted when it does not increase E.
 *
 * <p>The run summary reports {@code scheme.acceptanceRate} (with {@code proposals}, {@code accepted}). Needs a
 * constant, positive definite K and J = 0 (checked when the run starts); E(x) and dE(x) are cached in the auxiliary
 * state, so a step costs one energy-and-gradient evaluation.
 */
public final class MalaFactory implements StochasticSchemeFactory {

    @Override
    public String id() {
        return "mala";
    }

    @Override
    public String summary() {
        return "Metropolis-adjusted Langevin: an Euler-Maruyama proposal accepted or rejected, exact Gibbs law at"
                + " any h";
    }

    @Override
    public String formula() {
        return "y = x - h K dE(x) + sqrt(2 h T) K^{1/2} xi;  accept with prob. min(1, exp(-(E(y) - E(x))/T"
                + " + sqrt(2hT) <K^{1/2} xi, s>/(2T) - h <s, K s>/(4T))),  s = dE(x) + dE(y)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }


    /** The acceptance ratio uses the Gaussian proposal N(x - h K dE, 2 h T K) with the same K at x and y. */
    static final Requirement<ConstantMetric> CONSTANT_METRIC = Requirement.of(PartKind.METRIC, ConstantMetric.class,
            "a constant metric K (independent of x: the acceptance ratio uses the proposal N(x - h K dE, 2 h T K)"
                    + " with the same K at x and y; for a position-dependent metric use scheme 'euler-maruyama' with"
                    + " noise 'thermal', which adds the Ito correction T div K)")
            .and(m -> !(m instanceof PoissonMetric), "and without a Poisson part J");

    @Override
    public List<Requirement<?>> requires() {
        return List.of(CONSTANT_METRIC);
    }

    @Override
    public Scheme create(Parameters parameters, Flow flow) {
        return new MalaScheme();
    }
}
