package org.varflow.noise.entropy;

import java.util.List;
import org.varflow.api.Entropy;
import org.varflow.api.EntropyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.measure.TsallisEntropy;

/**
 * The Tsallis (Renyi-type) internal energy of porous media:
 *
 * <pre>
 *   F(rho) = E(rho) + T integral rho^m / (m - 1),   m &gt; 1,   T = beta^-1
 * </pre>
 *
 * Its Wasserstein gradient flow is d rho/dt = T Laplacian(rho^m) + div(rho grad dE/drho): the porous-medium equation,
 * whose solutions have compact support (the Barenblatt profiles) and finite propagation speed; m -&gt; 1 recovers
 * the Boltzmann entropy and the heat equation. It is a functional of densities: the measure schemes
 * ({@code density-euler}, {@code jko}) and the {@code kde-score} noise of plugins-measures use it, reading m through
 * {@link TsallisEntropy}; thermal noise cannot realise it.
 */
public final class TsallisEntropyFactory implements EntropyFactory {

    @Override
    public String id() {
        return "tsallis";
    }

    @Override
    public String summary() {
        return "Tsallis / porous-medium entropy beta^-1 integral rho^m / (m - 1): nonlinear diffusion";
    }

    @Override
    public String formula() {
        return "beta^-1 integral rho^m / (m - 1),  m > 1;  Wasserstein flow d rho/dt = beta^-1 Laplacian(rho^m)"
                + " + div(rho grad dE/drho)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.positive("beta", 1.0, "inverse temperature beta > 0; the weight of the term is T = 1/beta"),
                new Parameter("m", org.varflow.api.ParameterType.REAL, "2", 1.0, true, 100.0, List.of(),
                        "exponent m > 1 (m = 2: the Boussinesq equation; m -> 1: the heat equation)"));
    }

    @Override
    public Class<? extends Entropy> partType() {
        return TsallisEntropy.class;
    }

    @Override
    public Entropy create(Parameters parameters, Space space) {
        return new Tsallis(parameters.real("beta"), parameters.real("m"));
    }

    /**
     * beta^-1 integral rho^m / (m - 1).
     *
     * @param beta     the inverse temperature
     * @param exponent m &gt; 1
     */
    public record Tsallis(double beta, double exponent) implements TsallisEntropy {
        public Tsallis {
            if (!(beta > 0) || Double.isInfinite(beta) || !(exponent > 1)) {
                throw new IllegalArgumentException("beta = " + beta + " must be finite and > 0, m = " + exponent
                        + " must be > 1");
            }
        }

        @Override
        public double temperatureAt(double t) {
            return 1.0 / beta;
        }
    }
}
