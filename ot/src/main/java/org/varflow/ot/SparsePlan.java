package org.varflow.ot;

import java.util.Arrays;

/**
 * A transport plan stored sparsely: entry k moves {@code mass(k)} from source {@code source(k)} (row, 0 <= i < rows)
 * to target {@code target(k)} (column, 0 <= j < cols). Entries are sorted by (source, target), each pair occurs at
 * most once and every mass is > 0; pairs that are absent carry no mass. An exact plan between n sources and m targets
 * has at most n + m - 1 entries.
 *
 * @param rows n, the number of sources
 * @param cols m, the number of targets
 * @param sources row index of each entry
 * @param targets column index of each entry
 * @param masses mass of each entry
 */
public record SparsePlan(int rows, int cols, int[] sources, int[] targets, double[] masses) {

    /** Copies the arrays and checks lengths, index ranges and masses (finite, > 0). */
    public SparsePlan {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("rows = " + rows + ", cols = " + cols + ": both must be >= 1");
        }
        Checks.notNull("sources", sources);
        Checks.notNull("targets", targets);
        Checks.notNull("masses", masses);
        if (targets.length != sources.length || masses.length != sources.length) {
            throw new IllegalArgumentException("sources, targets and masses have lengths " + sources.length + ", "
                    + targets.length + ", " + masses.length + ": they must have the same length");
        }
        sources = sources.clone();
        targets = targets.clone();
        masses = masses.clone();
        for (int k = 0; k < sources.length; k++) {
            if (sources[k] < 0 || sources[k] >= rows) {
                throw new IllegalArgumentException("sources[" + k + "] = " + sources[k] + ": must be in [0, " + rows
                        + ")");
            }
            if (targets[k] < 0 || targets[k] >= cols) {
                throw new IllegalArgumentException("targets[" + k + "] = " + targets[k] + ": must be in [0, " + cols
                        + ")");
            }
            if (!(masses[k] > 0) || !Double.isFinite(masses[k])) {
                throw new IllegalArgumentException("masses[" + k + "] = " + masses[k] + ": must be finite and > 0");
            }
        }
    }

    /** Number of stored (positive) entries. */
    public int size() {
        return masses.length;
    }

    public int source(int k) {
        return sources[k];
    }

    public int target(int k) {
        return targets[k];
    }

    public double mass(int k) {
        return masses[k];
    }

    @Override
    public int[] sources() {
        return sources.clone();
    }

    @Override
    public int[] targets() {
        return targets.clone();
    }

    @Override
    public double[] masses() {
        return masses.clone();
    }

    /** The plan as a dense row-major rows x cols array. */
    public double[] toDense() {
        double[] dense = new double[Checks.matrixSize(rows, cols)];
        for (int k = 0; k < masses.length; k++) {
            dense[sources[k] * cols + targets[k]] += masses[k];
        }
        return dense;
    }

    /** Row sums (the first marginal): sum_j P_ij, length rows. */
    public double[] rowSums() {
        double[] out = new double[rows];
        for (int k = 0; k < masses.length; k++) {
            out[sources[k]] += masses[k];
        }
        return out;
    }

    /** Column sums (the second marginal): sum_i P_ij, length cols. */
    public double[] colSums() {
        double[] out = new double[cols];
        for (int k = 0; k < masses.length; k++) {
            out[targets[k]] += masses[k];
        }
        return out;
    }

    /** Total mass sum_ij P_ij. */
    public double totalMass() {
        double s = 0;
        for (double w : masses) {
            s += w;
        }
        return s;
    }

    /** <C, P> = sum_k mass_k C[source_k, target_k] for a row-major rows x cols cost matrix. */
    public double cost(double[] cost) {
        Checks.costMatrix("cost", cost, rows, cols);
        double s = 0;
        for (int k = 0; k < masses.length; k++) {
            s += masses[k] * cost[sources[k] * cols + targets[k]];
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparsePlan p && rows == p.rows && cols == p.cols && Arrays.equals(sources, p.sources)
                && Arrays.equals(targets, p.targets) && Arrays.equals(masses, p.masses);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * (31 * rows + cols) + Arrays.hashCode(sources)) + Arrays.hashCode(targets))
                + Arrays.hashCode(masses);
    }

    @Override
    public String toString() {
        return "SparsePlan[" + rows + " x " + cols + ", " + masses.length + " entries]";
    }
}
