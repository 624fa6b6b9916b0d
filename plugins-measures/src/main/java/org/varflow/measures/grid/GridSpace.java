package org.varflow.measures.grid;

import org.varflow.api.ConstrainedSpace;
import org.varflow.api.Energy;
import org.varflow.api.Space;
import org.varflow.api.measure.GridLayout;
import org.varflow.api.measure.MeasureBase;
import org.varflow.api.measure.MeasureEnergy;

/**
 * A density on a grid. Its {@link #base()} is R^1 or R^2; {@link #lift} turns an energy V on the base into the
 * potential energy E(rho) = sum_i V(c_i) rho_i |cell| (c_i the cell centres), and a {@link MeasureEnergy} into its
 * grid form.
 *
 * <p>It contains the densities rho_i &gt;= 0 (checked after every step of a run). Mass is not part of the constraint:
 * the Wasserstein and Fisher-Rao flows conserve it, Wasserstein-Fisher-Rao does not, so the tangent space is R^n.
 */
public final class GridSpace implements ConstrainedSpace {
    private final String kind;
    private final GridLayout layout;
    private final double[] rho0;
    private final MeasureBase base;
    private final GridBoundary boundary;

    public GridSpace(String kind, GridLayout layout, double[] rho0) {
        this(kind, layout, rho0, GridBoundary.NONE);
    }

    /** A grid density with these walls. */
    public GridSpace(String kind, GridLayout layout, double[] rho0, GridBoundary boundary) {
        if (rho0.length != layout.size()) {
            throw new IllegalArgumentException("rho0 has " + rho0.length + " values, expected " + layout.size());
        }
        this.kind = kind;
        this.layout = layout;
        this.rho0 = rho0.clone();
        this.boundary = boundary;
        double[] mean = new double[layout.axes()];
        double[] c = new double[layout.axes()];
        for (int i = 0; i < rho0.length; i++) {
            layout.centre(i, c);
            for (int a = 0; a < c.length; a++) {
                mean[a] += c[a] * rho0[i] * layout.cellVolume();
            }
        }
        double mass = layout.mass(rho0);
        if (boundary.dirichlet() && mass > 0) {
            for (int a = 0; a < mean.length; a++) {
                mean[a] /= mass; // a Dirichlet grid's state need not have mass one
            }
        }
        this.base = new MeasureBase(layout.axes(), kind, mean);
    }

    public GridLayout layout() {
        return layout;
    }

    /** What happens at the walls. */
    public GridBoundary boundary() {
        return boundary;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public int dimension() {
        return layout.size();
    }

    @Override
    public double[] initialState() {
        return rho0.clone();
    }

    @Override
    public boolean contains(double[] x) {
        for (double v : x) {
            if (!(v >= 0)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String constraint() {
        return "rho_i >= 0 in every cell";
    }

    @Override
    public String violation(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= 0)) {
                return coordinateName(i) + " = " + x[i] + " (" + constraint() + ")";
            }
        }
        return null;
    }

    @Override
    public Space base() {
        return base;
    }

    @Override
    public Energy lift(Energy baseEnergy) {
        if (baseEnergy instanceof MeasureEnergy m) {
            return m.onGrid(layout);
        }
        return new PotentialOnGrid(layout, baseEnergy);
    }

    @Override
    public String coordinateName(int i) {
        if (layout.axes() == 1) {
            return "rho" + (i + 1);
        }
        return "rho" + (i % layout.cells(0) + 1) + "_" + (i / layout.cells(0) + 1);
    }
}
