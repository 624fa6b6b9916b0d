package org.varflow.generative;

import java.util.Collection;
import java.util.List;
import org.varflow.api.EnergyFactory;
import org.varflow.api.ObserverFactory;
import org.varflow.api.Plugin;
import org.varflow.api.SchemeFactory;
import org.varflow.api.SpaceFactory;

/**
 * Generative flows: the diffusion model (energy {@code diffusion-score}, scheme {@code reverse-diffusion}, observer
 * {@code diffusion-w2}) and the Schrödinger bridge (space {@code coupling}, energy {@code entropic-ot}, scheme
 * {@code sinkhorn}, observer {@code entropic-ot}); their presets are in plugins-models. Static entry points for
 * demonstrations: {@link Diffusion#demo} and {@link SchrodingerBridge#demo}.
 */
public final class GenerativePlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-generative";
    }

    @Override
    public Collection<SpaceFactory> spaces() {
        return List.of(new CouplingSpaceFactory());
    }

    @Override
    public Collection<EnergyFactory> energies() {
        return List.of(new DiffusionScoreEnergyFactory(), new EntropicOtEnergyFactory());
    }

    @Override
    public Collection<SchemeFactory> schemes() {
        return List.of(new ReverseDiffusionSchemeFactory(), new SinkhornSchemeFactory());
    }

    @Override
    public Collection<ObserverFactory> observers() {
        return List.of(new DiffusionW2ObserverFactory(), new EntropicOtObserverFactory());
    }
}
