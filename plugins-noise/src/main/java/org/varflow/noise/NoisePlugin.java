package org.varflow.noise;

import java.util.Collection;
import java.util.List;
import org.varflow.api.EntropyFactory;
import org.varflow.api.NoiseFactory;
import org.varflow.api.Plugin;
import org.varflow.api.SchemeFactory;
import org.varflow.noise.entropy.AnnealedEntropyFactory;
import org.varflow.noise.entropy.BoltzmannEntropyFactory;
import org.varflow.noise.entropy.NoEntropyFactory;
import org.varflow.noise.mala.MalaFactory;
import org.varflow.noise.minibatch.MinibatchFactory;
import org.varflow.noise.none.NoNoiseFactory;
import org.varflow.noise.thermal.ThermalNoiseFactory;

/**
 * What fluctuates and at what temperature: the entropies (which set beta, possibly on a schedule beta(t)), the noises
 * (which realise the entropy for samples with covariance 2 h beta^-1 K and the Ito correction beta^-1 div K), and the
 * samplers' schemes that need more than one noise increment per step: {@code mala} (Metropolis-adjusted Langevin)
 * and {@code minibatch} (SGD / SGLD on finite-sum energies). Underdamped Langevin (BAOAB) lives with phase space in
 * the symplectic geometry plugin.
 */
public final class NoisePlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-noise";
    }

    @Override
    public Collection<EntropyFactory> entropies() {
        return List.of(new NoEntropyFactory(), new BoltzmannEntropyFactory(), new AnnealedEntropyFactory());
    }

    @Override
    public Collection<NoiseFactory> noises() {
        return List.of(new NoNoiseFactory(), new ThermalNoiseFactory());
    }

    @Override
    public Collection<SchemeFactory> schemes() {
        return List.of(new MalaFactory(), new MinibatchFactory());
    }
}
