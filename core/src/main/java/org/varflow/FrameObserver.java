package org.varflow;

import java.util.function.Consumer;
import org.varflow.api.Observer;
import org.varflow.api.Snapshot;
import org.varflow.core.observe.EnergyObserver;
import org.varflow.core.observe.FreeEnergyObserver;

/**
 * Turns observations into {@link Frame}s for a listener. Attached after the standard observers, so the energy and
 * free energy it reads are those of the same observation.
 */
final class FrameObserver implements Observer {
    private final int maxParticles;
    private final Consumer<Frame> sink;
    private EnergyObserver energy;
    private FreeEnergyObserver free;

    FrameObserver(int maxParticles, Consumer<Frame> sink) {
        this.maxParticles = maxParticles;
        this.sink = sink;
    }

    /** The observers whose values the frames carry. */
    void bind(EnergyObserver energyObserver, FreeEnergyObserver freeObserver) {
        this.energy = energyObserver;
        this.free = freeObserver;
    }

    @Override
    public void observe(Snapshot s) {
        emit(s);
    }

    private void emit(Snapshot s) {
        int n = Math.min(s.particles(), maxParticles);
        int d = s.dimension();
        double[] states = java.util.Arrays.copyOf(s.states(), n * d);
        sink.accept(new Frame(s.step(), s.time(), energy.energy(), free.freeEnergy(), n, d, states));
    }
}
