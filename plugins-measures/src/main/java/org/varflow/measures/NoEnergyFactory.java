package org.varflow.measures;

import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * No energy: E = 0 on any space. On a measure space the free energy is then the entropy alone, whose Wasserstein
 * flow is the heat equation (Boltzmann) or the porous-medium equation (Tsallis).
 */
public final class NoEnergyFactory implements EnergyFactory {

    @Override
    public String id() {
        return "none";
    }

    @Override
    public String summary() {
        return "no energy, E = 0: only the entropy drives the flow (heat, porous medium)";
    }

    @Override
    public String formula() {
        return "E(x) = 0,  dE = 0";
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        return Zero.INSTANCE;
    }

    /** Whether {@code e} is E = 0, as given or lifted to a measure space. */
    public static boolean isZero(Energy e) {
        return e == Zero.INSTANCE || (e instanceof LiftedPotential p && p.potential() == Zero.INSTANCE);
    }

    /** E = 0. */
    enum Zero implements Energy {
        INSTANCE;

        @Override
        public double value(double[] x) {
            return 0;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            java.util.Arrays.fill(out, 0, x.length, 0.0);
        }

        @Override
        public void hessian(double[] x, double[] out) {
            java.util.Arrays.fill(out, 0, x.length * x.length, 0.0);
        }
    }
}
