package org.varflow.measures.grid;

import java.util.Arrays;
import java.util.List;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Parameter;
import org.varflow.api.ParameterType;
import org.varflow.api.Parameters;
import org.varflow.api.measure.GridLayout;

/**
 * What happens at the walls of a grid:
 *
 * <ul>
 *   <li>{@code closed} (the default): no flux, mass is conserved;</li>
 *   <li>{@code periodic}: the last cell of each row (column) and the first are neighbours across one more face, as
 *       on a circle (torus); mass is conserved;</li>
 *   <li>{@code dirichlet}: the density is held at fixed values u_b on the walls; each boundary cell exchanges flux
 *       with its wall across half a cell, J = (T / (dx/2)) [B(z) rho_i - B(-z) u_b] (Scharfetter-Gummel, z = (psi_b -
 *       psi_i) / T with the potential extrapolated linearly to the wall; for the heat equation J = 2 T (rho_i - u_b) /
 *       dx), so mass flows in and out and the state is a non-negative function rather than a probability density.</li>
 * </ul>
 *
 * The extra faces are listed once per grid ({@link Faces}) so that the flux loops stay simple and allocation-free.
 *
 * @param kind   closed, periodic or dirichlet
 * @param values the wall values u_b: 1-D (left, right), 2-D (left, right, bottom, top); empty unless dirichlet
 */
public record GridBoundary(String kind, double[] values) {
    public static final String CLOSED = "closed";
    public static final String PERIODIC = "periodic";
    public static final String DIRICHLET = "dirichlet";
    static final List<String> KINDS = List.of(CLOSED, PERIODIC, DIRICHLET);
    /** The closed boundary. */
    public static final GridBoundary NONE = new GridBoundary(CLOSED, new double[0]);

    public GridBoundary {
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public boolean closed() {
        return kind.equals(CLOSED);
    }

    public boolean periodic() {
        return kind.equals(PERIODIC);
    }

    public boolean dirichlet() {
        return kind.equals(DIRICHLET);
    }

    /** The parameters {@code boundary} and {@code boundaryValues} (both optional: closed by default). */
    static List<Parameter> parameters() {
        return List.of(
                new Parameter("boundary", ParameterType.CHOICE, null, 0, false, 0, KINDS, "the walls: closed (no flux,"
                        + " the default), periodic (opposite walls joined) or dirichlet (the density held at"
                        + " boundaryValues on the walls)"),
                Parameter.vector("boundaryValues", null, "dirichlet: the density on the walls, one value for all or one"
                        + " per wall (1-D: left,right; 2-D: left,right,bottom,top), >= 0"));
    }

    /** Reads the boundary of a grid with {@code axes} axes. */
    static GridBoundary read(String owner, Parameters p, int axes) {
        String kind = p.has("boundary") ? p.text("boundary") : CLOSED;
        if (!kind.equals(DIRICHLET)) {
            if (p.has("boundaryValues")) {
                throw new ConfigurationException(owner + ": parameter 'boundaryValues' applies to boundary=dirichlet,"
                        + " but the boundary is " + kind);
            }
            return kind.equals(CLOSED) ? NONE : new GridBoundary(kind, new double[0]);
        }
        if (!p.has("boundaryValues")) {
            throw new ConfigurationException(owner + ": boundary dirichlet needs 'boundaryValues', the density on the"
                    + " walls (" + (axes == 1 ? "left,right" : "left,right,bottom,top") + ", or one value for all)");
        }
        double[] given = p.vector("boundaryValues");
        int walls = 2 * axes;
        double[] values;
        if (given.length == 1) {
            values = new double[walls];
            Arrays.fill(values, given[0]);
        } else if (given.length == walls) {
            values = given;
        } else {
            throw new ConfigurationException(owner + ": parameter 'boundaryValues' has " + given.length + " entries;"
                    + " give 1 or " + walls + " (" + (axes == 1 ? "left,right" : "left,right,bottom,top") + ")");
        }
        for (double v : values) {
            if (!(v >= 0)) {
                throw new ConfigurationException(owner + ": parameter 'boundaryValues' has " + Parameter.format(v)
                        + "; a density on a wall is >= 0");
            }
        }
        return new GridBoundary(kind, values);
    }

    /** The faces this boundary adds to a grid (none when closed). */
    Faces faces(GridLayout g) {
        return new Faces(this, g);
    }

    /**
     * The faces a boundary adds, beyond the interior ones: periodic faces join cell {@code cell[f]} to
     * {@code other[f]}; a Dirichlet face joins {@code cell[f]} to its wall ({@code other[f] = -1}) with value
     * {@code value[f]}, the potential at the wall extrapolated from {@code inner[f]} (the next cell inwards, or -1).
     * {@code weight[f]} is 1/dx^2 across a whole cell, 2/dx^2 across the half cell to a wall.
     */
    static final class Faces {
        final int[] cell;
        final int[] other;
        final int[] inner;
        final double[] value;
        final double[] weight;

        Faces(GridBoundary b, GridLayout g) {
            int n = g.size();
            int nx = g.cells(0);
            int ny = g.axes() == 2 ? g.cells(1) : 1;
            int count = b.closed() ? 0 : b.periodic() ? ny + (g.axes() == 2 ? nx : 0) : 2 * ny + (g.axes() == 2
                    ? 2 * nx : 0);
            cell = new int[count];
            other = new int[count];
            inner = new int[count];
            value = new double[count];
            weight = new double[count];
            int f = 0;
            if (b.closed()) {
                return;
            }
            double wx = 1 / (g.dx(0) * g.dx(0));
            for (int row = 0; row < n; row += nx) {
                if (b.periodic()) {
                    f = add(f, row + nx - 1, row, -1, 0, wx);
                } else {
                    f = add(f, row, -1, nx > 1 ? row + 1 : -1, b.values[0], 2 * wx);
                    f = add(f, row + nx - 1, -1, nx > 1 ? row + nx - 2 : -1, b.values[1], 2 * wx);
                }
            }
            if (g.axes() == 2) {
                double wy = 1 / (g.dx(1) * g.dx(1));
                for (int col = 0; col < nx; col++) {
                    int bottom = col;
                    int top = col + (ny - 1) * nx;
                    if (b.periodic()) {
                        f = add(f, top, bottom, -1, 0, wy);
                    } else {
                        f = add(f, bottom, -1, ny > 1 ? bottom + nx : -1, b.values[2], 2 * wy);
                        f = add(f, top, -1, ny > 1 ? top - nx : -1, b.values[3], 2 * wy);
                    }
                }
            }
        }

        private int add(int f, int c, int o, int in, double v, double w) {
            cell[f] = c;
            other[f] = o;
            inner[f] = in;
            value[f] = v;
            weight[f] = w;
            return f + 1;
        }

        int size() {
            return cell.length;
        }

        /** The potential at face f's wall: psi_i + (psi_i - psi_inner) / 2, linear extrapolation by half a cell. */
        double wallPotential(int f, double[] psi) {
            int i = cell[f];
            return inner[f] < 0 ? psi[i] : psi[i] + 0.5 * (psi[i] - psi[inner[f]]);
        }
    }
}
