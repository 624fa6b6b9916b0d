package org.varflow.measures.grid;

import org.varflow.api.Energy;
import org.varflow.api.measure.GridLayout;
import org.varflow.measures.LiftedPotential;

/**
 * E(rho) = sum_i V(c_i) rho_i |cell|, the quadrature of integral V rho at the cell centres. Linear in rho:
 * dE/drho_i = V(c_i) |cell|, so the first variation is V itself. V is evaluated once, when the run is built.
 */
final class PotentialOnGrid implements Energy, LiftedPotential {
    private final Energy potential;
    private final double[] values;
    private final double volume;

    PotentialOnGrid(GridLayout layout, Energy potential) {
        this.potential = potential;
        this.volume = layout.cellVolume();
        this.values = new double[layout.size()];
        double[] c = new double[layout.axes()];
        for (int i = 0; i < values.length; i++) {
            layout.centre(i, c);
            values[i] = potential.value(c);
            if (!Double.isFinite(values[i])) {
                throw new org.varflow.api.ConfigurationException("the potential is not finite (" + values[i]
                        + ") at the cell centre " + java.util.Arrays.toString(c) + " of the grid " + layout);
            }
        }
    }

    @Override
    public Energy potential() {
        return potential;
    }

    @Override
    public double value(double[] rho) {
        double e = 0;
        for (int i = 0; i < values.length; i++) {
            e += values[i] * rho[i];
        }
        return e * volume;
    }

    @Override
    public void gradient(double[] rho, double[] out) {
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * volume;
        }
    }

    @Override
    public void hessian(double[] rho, double[] out) {
        java.util.Arrays.fill(out, 0, values.length * values.length, 0.0);
    }
}
