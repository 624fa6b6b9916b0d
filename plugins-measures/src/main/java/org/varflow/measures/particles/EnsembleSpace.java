package org.varflow.measures.particles;

import org.varflow.api.Energy;
import org.varflow.api.Space;
import org.varflow.api.measure.EnsembleLayout;
import org.varflow.api.measure.MeasureBase;
import org.varflow.api.measure.MeasureEnergy;
import org.varflow.api.measure.MeasureKinds;

/**
 * An ensemble state: N particles in R^d. Its {@link #base()} is R^d; {@link #lift} turns an energy V on R^d into the
 * extensive potential energy E(X) = sum_p V(x_p) (= N integral V d rho_N), whose partial derivatives
 * dE/dx_p = grad V(x_p) are minus the Wasserstein velocities, and a {@link MeasureEnergy} into its ensemble form.
 */
public final class EnsembleSpace implements Space {
    private final EnsembleLayout layout;
    private final double[] x0;
    private final MeasureBase base;

    public EnsembleSpace(EnsembleLayout layout, double[] x0) {
        if (x0.length != layout.length()) {
            throw new IllegalArgumentException("x0 has " + x0.length + " coordinates, expected " + layout.length());
        }
        this.layout = layout;
        this.x0 = x0.clone();
        double[] mean = new double[layout.d()];
        for (int p = 0; p < layout.n(); p++) {
            for (int a = 0; a < layout.d(); a++) {
                mean[a] += x0[p * layout.d() + a] / layout.n();
            }
        }
        this.base = new MeasureBase(layout.d(), MeasureKinds.ENSEMBLE, mean);
    }

    public EnsembleLayout layout() {
        return layout;
    }

    @Override
    public String kind() {
        return MeasureKinds.ENSEMBLE;
    }

    @Override
    public int dimension() {
        return layout.length();
    }

    @Override
    public double[] initialState() {
        return x0.clone();
    }

    @Override
    public Space base() {
        return base;
    }

    @Override
    public Energy lift(Energy baseEnergy) {
        if (baseEnergy instanceof MeasureEnergy m) {
            return m.onEnsemble(layout);
        }
        return new PotentialOnEnsemble(layout, baseEnergy);
    }

    @Override
    public String coordinateName(int i) {
        int d = layout.d();
        return d == 1 ? "x" + (i + 1) : "x" + (i / d + 1) + "_" + (i % d + 1);
    }
}
