package org.varflow.noise;

import java.util.Collection;
import java.util.List;
import org.varflow.api.EntropyFactory;
import org.varflow.api.NoiseFactory;
import org.varflow.api.Plugin;
import org.varflow.noise.entropy.AnnealedEntropyFactory;
import org.varflow.noise.entropy.BoltzmannEntropyFactory;
import org.varflow.noise.entropy.NoEntropyFactory;
import org.varflow.noise.entropy.TsallisEntropyFactory;
import org.varflow.noise.none.NoNoiseFactory;
import org.varflow.noise.thermal.ThermalNoiseFactory;

/**
 * What fluctuates and at what temperature: the entropies (which set beta, possibly on a schedule beta(t); Boltzmann's
 * rho log rho or Tsallis' rho^m / (m - 1) for porous media) and the noises (which realise the entropy for samples
 * with covariance 2 h beta^-1 K and the Ito correction beta^-1 div K).
 * The samplers' schemes ({@code mala}, {@code minibatch}, {@code baoab}) are in plugins-schemes.
 */
public final class NoisePlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-noise";
    }

    @Override
    public Collection<EntropyFactory> entropies() {
        return List.of(new NoEntropyFactory(), new BoltzmannEntropyFactory(), new AnnealedEntropyFactory(),
                new TsallisEntropyFactory());
    }

    @Override
    public Collection<NoiseFactory> noises() {
        return List.of(new NoNoiseFactory(), new ThermalNoiseFactory());
    }
}
