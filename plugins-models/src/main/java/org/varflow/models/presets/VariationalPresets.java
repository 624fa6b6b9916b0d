package org.varflow.models.presets;

import java.util.List;
import java.util.Map;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.api.Preset;

/**
 * The preset {@code gaussian-vi}. Parts by id: space {@code gaussian}, metrics {@code fisher-rao-gaussian} /
 * {@code bures-wasserstein} (plugins-geometry); energy {@code bayes-linear-regression} (this module); entropy and
 * noise {@code none} (plugins-noise); scheme {@code euler} (core).
 */
public final class VariationalPresets {
    /** The flow step of the preset: stable for both geometries on its target (see the explain text). */
    public static final double DT = 5e-4;
    /** The flow time of the preset. */
    static final double TIME = 40;

    private VariationalPresets() {
    }

    public static Preset gaussianVi() {
        FlowSpec spec = new FlowSpec(null, Map.of(
                PartKind.SPACE, PartChoice.of("gaussian").with("dimension", 2).with("mean", "0")
                        .with("covariance", "1"),
                PartKind.METRIC, PartChoice.of("fisher-rao-gaussian"),
                PartKind.ENERGY, PartChoice.of("bayes-linear-regression"),
                PartKind.ENTROPY, PartChoice.of("none"),
                PartKind.NOISE, PartChoice.of("none"),
                PartKind.SCHEME, PartChoice.of("euler")), null, TIME, DT, 1L, 1, null);
        return new Preset("gaussian-vi",
                "Gaussian variational inference: q = N(mu, Sigma) minimising KL(q || p), p = exp(-E)/Z, under the"
                        + " Fisher-Rao (natural gradient) or the Bures-Wasserstein geometry",
                "F(q) = E_q[E] - H(q) = KL(q || p) - log Z.  Fisher-Rao: mu' = -Sigma E_q[grad E], (Sigma^-1)' ="
                        + " E_q[Hess E] - Sigma^-1.  Bures-Wasserstein: mu' = -E_q[grad E], Sigma' = 2 I - E_q[Hess E]"
                        + " Sigma - Sigma E_q[Hess E].  Euler steps through each metric's retraction: Sigma^-1 <- (1 -"
                        + " h) Sigma^-1 + h E_q[Hess E], mu <- mu - h Sigma_new E_q[grad E] (natural parameters), or"
                        + " Sigma <- (I - h M) Sigma (I - h M), M = E_q[Hess E] - Sigma^-1, mu <- mu - h E_q[grad E]",
                "Space gaussian (d = 2, from N(0, I)), metric fisher-rao-gaussian (swap in bures-wasserstein with"
                        + " --metric bures-wasserstein: the same functional, another geometry), energy"
                        + " bayes-linear-regression on the shipped data (the target, lifted by the space to"
                        + " F(q); the entropy of q is inside F, so the entropy part is none), no noise, euler with h ="
                        + " 5e-4 to t = 40. For this Gaussian target the flows end at the exact posterior N(m_N,"
                        + " S_N) = N(A^-1 Phi^T y / sigma^2, A^-1), where KL = 0; expectations are exact"
                        + " (space.expectations = quadratic), or reparameterised Monte Carlo over fixed antithetic"
                        + " points (space.expectations = monte-carlo, samples, seed) for non-Gaussian targets."
                        + " Fisher-Rao relaxes Sigma^-1 at rate 1 whatever the conditioning (h up to 1; h = 1 is exact"
                        + " in one step here); Bures-Wasserstein moves at the rates of E_q[Hess E] (here eigenvalues"
                        + " about 220 and 552, so h must stay below about 1/552 and it reaches the posterior by t"
                        + " of order 1). A single h serves both so that varflow compare can run them side by side."
                        + " With Sigma fixed, the mean flows are Newton-like (Fisher-Rao) and plain gradient descent"
                        + " (Bures-Wasserstein) - so their paths differ.",
                List.of("M. Lambert, S. Chewi, F. Bach, S. Bonnabel, P. Rigollet (2022), Variational inference via"
                                + " Wasserstein gradient flows, NeurIPS 35",
                        "M. E. Khan, W. Lin (2017), Conjugate-computation variational inference: converting"
                                + " variational inference in non-conjugate models to inferences in conjugate models,"
                                + " AISTATS",
                        "M. Opper, C. Archambeau (2009), The variational Gaussian approximation revisited, Neural"
                                + " Computation 21(3), 786-792",
                        "S. Amari (1998), Natural gradient works efficiently in learning, Neural Computation 10(2),"
                                + " 251-276"),
                spec);
    }
}
