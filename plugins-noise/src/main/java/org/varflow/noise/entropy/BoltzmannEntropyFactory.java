package org.varflow.noise.entropy;

import java.util.List;
import org.varflow.api.Entropy;
import org.varflow.api.EntropyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * The Boltzmann (Gibbs-Shannon) entropy at a fixed inverse temperature beta:
 *
 * <pre>
 *   F(rho) = integral E d rho + beta^-1 integral rho log rho,   T = beta^-1
 * </pre>
 *
 * The minimiser of F over probability densities is the Gibbs law rho* = exp(-beta E) / Z, and
 * F(rho) - F(rho*) = beta^-1 KL(rho | rho*). For samples the term is realised by noise of covariance
 * 2 h beta^-1 K per step (fluctuation-dissipation); for densities it enters F and gives the diffusion
 * beta^-1 Laplacian rho of the Fokker-Planck equation.
 */
public final class BoltzmannEntropyFactory implements EntropyFactory {

    @Override
    public String id() {
        return "boltzmann";
    }

    @Override
    public String summary() {
        return "Boltzmann entropy beta^-1 integral rho log rho at a fixed inverse temperature beta";
    }

    @Override
    public String formula() {
        return "beta^-1 integral rho log rho,  T = beta^-1;  minimiser of F = integral E d rho + beta^-1 integral"
                + " rho log rho is exp(-beta E) / Z";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.positive("beta", 1.0,
                "inverse temperature beta > 0; the temperature (noise strength) is T = 1/beta"));
    }

    @Override
    public Entropy create(Parameters parameters, Space space) {
        return new Boltzmann(parameters.real("beta"));
    }

    /** beta^-1 integral rho log rho with constant beta. */
    record Boltzmann(double beta) implements Entropy {
        Boltzmann {
            if (!(beta > 0) || Double.isInfinite(beta)) {
                throw new IllegalArgumentException("beta = " + beta + " must be finite and > 0");
            }
        }

        @Override
        public double temperatureAt(double t) {
            return 1.0 / beta;
        }
    }
}
