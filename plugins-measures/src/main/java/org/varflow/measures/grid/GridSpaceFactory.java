package org.varflow.measures.grid;

import java.util.ArrayList;
import java.util.List;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;
import org.varflow.api.measure.GridLayout;
import org.varflow.api.measure.InitialLaw;
import org.varflow.api.measure.MeasureKinds;

/**
 * A probability density on a uniform grid of an interval ({@code grid-1d}) or a rectangle ({@code grid-2d}): one
 * value per cell, piecewise constant, mass sum_i rho_i |cell| = 1. The starting density is the chosen law's density
 * at the cell centres (or the values given), normalised to mass one. The boundary is closed (no flux).
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
        return axes == 1 ? "a probability density on a uniform grid of an interval (closed boundary)"
                : "a probability density on a uniform grid of a rectangle (closed boundary)";
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
            p.addAll(InitialLaw.parameters("0", "1", "1.5"));
        } else {
            p.add(Parameter.vector("cells", "48", "cells per axis nx,ny (one number for both), whole numbers >= 2"));
            p.add(Parameter.vector("lower", "-4", "lower corner (one number for both axes)"));
            p.add(Parameter.vector("upper", "4", "upper corner (one number for both axes)"));
            p.addAll(InitialLaw.parameters("0", "1", "1.5,0"));
        }
        p.add(Parameter.vector("density", null, "optional starting density, one value >= 0 per cell (row-major, first"
                + " axis fastest); replaces the law; normalised to mass one"));
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
            double[] c = InitialLaw.broadcast(owner, "cells", parameters.vector("cells"), 2);
            lower = InitialLaw.broadcast(owner, "lower", parameters.vector("lower"), 2);
            upper = InitialLaw.broadcast(owner, "upper", parameters.vector("upper"), 2);
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
        double[] rho = new double[layout.size()];
        if (parameters.has("density")) {
            double[] given = parameters.vector("density");
            if (given.length != rho.length) {
                throw new ConfigurationException(owner + ": parameter 'density' has " + given.length + " values but"
                        + " the grid has " + rho.length + " cells");
            }
            for (int i = 0; i < given.length; i++) {
                if (!(given[i] >= 0)) {
                    throw new ConfigurationException(owner + ": parameter 'density' has the negative value "
                            + given[i] + " at cell " + (i + 1) + "; a density is >= 0");
                }
            }
            rho = given;
        } else {
            InitialLaw law = InitialLaw.from(owner, parameters, axes);
            double[] c = new double[axes];
            for (int i = 0; i < rho.length; i++) {
                layout.centre(i, c);
                rho[i] = law.density(c);
            }
        }
        double mass = layout.mass(rho);
        if (!(mass > 0) || !Double.isFinite(mass)) {
            throw new ConfigurationException(owner + ": the starting density has mass " + mass + " on the grid "
                    + layout + "; put the law inside the grid (or give positive values)");
        }
        for (int i = 0; i < rho.length; i++) {
            rho[i] /= mass;
        }
        return new GridSpace(id(), layout, rho);
    }
}
