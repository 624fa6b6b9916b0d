package org.varflow.serve.view;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.varflow.api.Parameters;

/**
 * The uniform grid of a grid-density space (1 or 2 axes), read from the space's declared parameters {@code cells},
 * {@code lower} and {@code upper}: cell (i, j) has index j * cells[0] + i and centre lower + (i + 1/2) dx.
 *
 * @param cells cells per axis
 * @param lower lower end per axis
 * @param upper upper end per axis
 */
public record Grid(int[] cells, double[] lower, double[] upper) {
    public Grid {
        cells = cells.clone();
        lower = lower.clone();
        upper = upper.clone();
    }

    /** The grid of a space with these resolved parameters and {@code size} cells, or null when they do not say. */
    static Grid of(Parameters params, int axes, int size) {
        Map<String, Object> p = params.asMap();
        double[] c = values(p.get("cells"), axes);
        double[] lo = values(p.get("lower"), axes);
        double[] hi = values(p.get("upper"), axes);
        if (c == null || lo == null || hi == null) {
            return null;
        }
        int[] n = new int[axes];
        long total = 1;
        for (int a = 0; a < axes; a++) {
            n[a] = (int) c[a];
            total *= n[a];
            if (!(hi[a] > lo[a])) {
                return null;
            }
        }
        return total == size ? new Grid(n, lo, hi) : null;
    }

    private static double[] values(Object v, int axes) {
        double[] out = new double[axes];
        if (v instanceof Number n) {
            Arrays.fill(out, n.doubleValue());
            return out;
        }
        if (v instanceof List<?> list && (list.size() == 1 || list.size() == axes)) {
            for (int a = 0; a < axes; a++) {
                Object x = list.get(list.size() == 1 ? 0 : a);
                if (!(x instanceof Number n)) {
                    return null;
                }
                out[a] = n.doubleValue();
            }
            return out;
        }
        return null;
    }

    /** Number of axes. */
    public int axes() {
        return cells.length;
    }

    /** Cell width along an axis. */
    public double dx(int axis) {
        return (upper[axis] - lower[axis]) / cells[axis];
    }

    /** Centre of the i-th cell along an axis. */
    public double centre(int axis, int i) {
        return lower[axis] + (i + 0.5) * dx(axis);
    }

    @Override
    public int[] cells() {
        return cells.clone();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grid g && Arrays.equals(cells, g.cells) && Arrays.equals(lower, g.lower)
                && Arrays.equals(upper, g.upper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(cells), Arrays.hashCode(lower),
                Arrays.hashCode(upper));
    }

    @Override
    public String toString() {
        return "Grid" + Arrays.toString(cells) + " on " + Arrays.toString(lower) + " .. "
                + Arrays.toString(upper);
    }
}
