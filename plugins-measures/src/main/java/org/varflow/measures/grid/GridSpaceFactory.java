package org.varflow.measures.grid;

import java.util.ArrayList;
import java.util.List;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;
import org.varflow.api.init.InitParameters;
import org.varflow.api.measure.GridLayout;
import org.varflow.api.measure.MeasureKinds;

/**
 * A probability density on a uniform grid of an interval ({@code grid-1d}) or a rectangle ({@code grid-2d}): one
 * value per cell, piecewise constant, mass sum_i rho_i |cell| = 1. The starting density ({@code init}, see
 * {@link GridStart}) is a law's density at the cell centres, a histogram of samples, a formula in x1 (x2) at the
 * centres, or values given inline or in a CSV file, normalised to mass one. The walls ({@link GridBoundary}) are
 * closed (no flux) by default, or periodic, or Dirichlet (the density held at given values: the state is then not
 * normalised).
 */
public final class GridSpaceFactory implements SpaceFactory {
    /** Most cells accepted. */
    public static final int MAX_CELLS = 4_000_000;
    private final int axes;

    private GridSpaceFactory(int axes) {
        this.axes = axes;
    }

    /** The interval grid {@code grid-1d}. */
    public static GridSpaceFactory oneDimensional() {
        return new GridSpaceFactory(1);
    }

    /** The rectangle grid {@code grid-2d}. */
    public static GridSpaceFactory twoDimensional() {
        return new GridSpaceFactory(2);
    }

    @Override
    public String id() {
        return axes == 1 ? MeasureKinds.GRID_1D : MeasureKinds.GRID_2D;
    }

    @Override
    public String summary() {
        return axes == 1
                ? "a probability density on a uniform grid of an interval (closed, periodic or Dirichlet walls)"
                : "a probability density on a uniform grid of a rectangle (closed, periodic or Dirichlet walls)";
    }

    @Override
    public String formula() {
        return "rho_i >= 0 on cells of width dx" + (axes == 1 ? "" : " x dy")
                + ", sum_i rho_i |cell| = 1;  energies V on"
                + " R^" + axes + " are lifted to E(rho) = sum_i V(c_i) rho_i |cell| = integral V rho";
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> p = new ArrayList<>();
        if (axes == 1) {
            p.add(Parameter.integer("cells", 200, 2, MAX_CELLS, "number of cells n"));
            p.add(Parameter.real("lower", -5, -1e12, 1e12, "left end of the interval"));
            p.add(Parameter.real("upper", 5, -1e12, 1e12, "right end of the interval (> lower)"));
            p.addAll(GridStart.parameters("0", "1", "1.5"));
        } else {
            p.add(Parameter.vector("cells", "48", "cells per axis nx,ny (one number for both), whole numbers >= 2"));
            p.add(Parameter.vector("lower", "-4", "lower corner (one number for both axes)"));
            p.add(Parameter.vector("upper", "4", "upper corner (one number for both axes)"));
            p.addAll(GridStart.parameters("0", "1", "1.5,0"));
        }
        p.addAll(GridBoundary.parameters());
        return p;
    }

    @Override
    public Space create(Parameters parameters) {
        String owner = "space '" + id() + "'";
        int[] cells = new int[axes];
        double[] lower = new double[axes];
        double[] upper = new double[axes];
        if (axes == 1) {
            cells[0] = (int) parameters.integer("cells");
            lower[0] = parameters.real("lower");
            upper[0] = parameters.real("upper");
        } else {
            double[] c = InitParameters.broadcast(owner, "cells", parameters.vector("cells"), 2);
            lower = InitParameters.broadcast(owner, "lower", parameters.vector("lower"), 2);
            upper = InitParameters.broadcast(owner, "upper", parameters.vector("upper"), 2);
            long total = 1;
            for (int a = 0; a < 2; a++) {
                if (c[a] != Math.rint(c[a]) || c[a] < 2 || c[a] > MAX_CELLS) {
                    throw new ConfigurationException(owner + ": parameter 'cells' = " + Parameter.format(c[a])
                            + " is not valid; expected whole numbers >= 2");
                }
                cells[a] = (int) c[a];
                total *= cells[a];
            }
            if (total > MAX_CELLS) {
                throw new ConfigurationException(owner + ": " + cells[0] + " x " + cells[1] + " = " + total
                        + " cells is more than " + MAX_CELLS);
            }
        }
        for (int a = 0; a < axes; a++) {
            if (!(upper[a] > lower[a])) {
                throw new ConfigurationException(owner + ": upper = " + Parameter.format(upper[a]) + " must be above"
                        + " lower = " + Parameter.format(lower[a]) + (axes == 2 ? " (axis " + (a + 1) + ")" : ""));
            }
        }
        GridLayout layout = new GridLayout(cells, lower, upper);
        double[] rho = GridStart.density(owner, parameters, layout);
        GridBoundary boundary = GridBoundary.read(owner, parameters, axes);
        double mass = layout.mass(rho);
        if (boundary.dirichlet()) {
            // with walls held at fixed values the state is a non-negative function whose mass changes: as given
            return new GridSpace(id(), layout, rho, boundary);
        }
        if (!(mass > 0) || !Double.isFinite(mass)) {
            throw new ConfigurationException(owner + ": the starting density has mass " + mass + " on the grid "
                    + layout + "; put the law inside the grid (or give positive values)");
        }
        for (int i = 0; i < rho.length; i++) {
            rho[i] /= mass;
        }
        return new GridSpace(id(), layout, rho, boundary);
    }
}
