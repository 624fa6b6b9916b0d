package org.varflow.api.measure;

import java.util.Arrays;

/**
 * A uniform grid of a box in R^1 or R^2: {@code cells[a]} cells along axis a over {@code [lower[a], upper[a]]}, cell
 * widths {@code dx[a] = (upper[a] - lower[a]) / cells[a]}, centres {@code lower[a] + (i + 1/2) dx[a]}. A density is
 * one value per cell, row-major with the first axis fastest: cell (i, j) is index {@code j * cells[0] + i}. Its mass
 * is {@code sum_i rho_i * cellVolume()}.
 */
public final class GridLayout {
    private final int[] cells;
    private final double[] lower;
    private final double[] upper;
    private final double[] dx;
    private final double volume;
    private final int size;

    public GridLayout(int[] cells, double[] lower, double[] upper) {
        if (cells.length < 1 || cells.length > 2 || lower.length != cells.length || upper.length != cells.length) {
            throw new IllegalArgumentException("a grid has 1 or 2 axes with one cell count and bounds each");
        }
        this.cells = cells.clone();
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.dx = new double[cells.length];
        double v = 1;
        long n = 1;
        for (int a = 0; a < cells.length; a++) {
            if (cells[a] < 2 || !(upper[a] > lower[a])) {
                throw new IllegalArgumentException("axis " + a + ": need >= 2 cells and upper > lower");
            }
            dx[a] = (upper[a] - lower[a]) / cells[a];
            v *= dx[a];
            n *= cells[a];
        }
        if (n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many cells: " + n);
        }
        this.volume = v;
        this.size = (int) n;
    }

    /** Number of axes, 1 or 2. */
    public int axes() {
        return cells.length;
    }

    /** Cells along axis a. */
    public int cells(int axis) {
        return cells[axis];
    }

    /** Total number of cells (the state length). */
    public int size() {
        return size;
    }

    /** Cell width along axis a. */
    public double dx(int axis) {
        return dx[axis];
    }

    public double lower(int axis) {
        return lower[axis];
    }

    public double upper(int axis) {
        return upper[axis];
    }

    /** The volume (length, area) of one cell. */
    public double cellVolume() {
        return volume;
    }

    /** Coordinate along {@code axis} of the centre of cell {@code index}. */
    public double centre(int index, int axis) {
        int i = axis == 0 ? index % cells[0] : index / cells[0];
        return lower[axis] + (i + 0.5) * dx[axis];
    }

    /** Writes the centre of cell {@code index} into {@code out} (length = axes). */
    public void centre(int index, double[] out) {
        for (int a = 0; a < cells.length; a++) {
            out[a] = centre(index, a);
        }
    }

    /** The mass sum_i rho_i cellVolume. */
    public double mass(double[] rho) {
        double s = 0;
        for (int i = 0; i < size; i++) {
            s += rho[i];
        }
        return s * volume;
    }

    @Override
    public String toString() {
        return Arrays.toString(cells) + " cells on " + Arrays.toString(lower) + " .. " + Arrays.toString(upper);
    }
}
