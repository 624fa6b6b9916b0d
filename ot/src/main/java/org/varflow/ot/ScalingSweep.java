package org.varflow.ot;

import org.varflow.api.Workers;

/**
 * One Sinkhorn iteration in scaling form as one sweep over the kernel K (n x m, row-major), split into
 * {@value #CHUNKS} fixed chunks of rows (whole groups of four) and then of columns:
 *
 * <pre>
 *   rows i of chunk c:  s_i = (K v)_i,  violation_i = |u_i s_i - a_i|,  u_i = a_i / s_i,  R_c = sum_{i in c} u_i K_i.
 *   columns j:          r_j = R_0j + R_1j + ... (chunk order),  v_j = b_j / r_j
 * </pre>
 *
 * (rows four at a time with {@link RowKernels}, or {@link FloatRowKernels} for a kernel stored in float; their
 * contributions to R_c added while the four rows are in cache).
 * Each chunk's numbers depend on the chunk alone and the chunk sums are added in chunk order, so the iteration is
 * bitwise the same on any number of threads. The sweep also reports the rows' L1 marginal violation before the
 * update (the chunks' violations added in chunk order) and whether some positive-weight scaling left the band
 * [{@code below}, {@code above}] (time to absorb it into the potentials).
 *
 * <p>Scratch: {@value #CHUNKS} x m partial sums, allocated once per solve; an iteration allocates nothing.
 */
final class ScalingSweep {
    /** Chunks the rows (and then the columns) are cut into: fixed, so results do not depend on threads. */
    static final int CHUNKS = 16;

    private final double[] kernel;
    private final float[] floatKernel;
    private final int n;
    private final int m;
    private final double[] a;
    private final double[] b;
    private final double[] u;
    private final double[] v;
    private final double below;
    private final double above;
    private final RowKernels rows;
    private final FloatRowKernels floatRows;
    private final Workers workers;
    private final double[] partial;
    private final double[] violation = new double[CHUNKS];
    private final boolean[] outside = new boolean[CHUNKS];
    private final double[][] dots = new double[CHUNKS][4];
    /** The rows of a double or of a float kernel: separate methods, so each inlines only its own vector kernels. */
    private final Workers.Chunk rowChunk;
    private final Workers.Chunk columnChunk = this::columns;

    /** A sweep over a kernel stored in double. */
    ScalingSweep(double[] kernel, int n, int m, double[] a, double[] b, double[] u, double[] v, double below,
                 double above, RowKernels rows, Workers workers) {
        this(kernel, null, n, m, a, b, u, v, below, above, rows, null, workers);
    }

    /** A sweep over a kernel stored in float, all arithmetic in double. */
    ScalingSweep(float[] kernel, int n, int m, double[] a, double[] b, double[] u, double[] v, double below,
                 double above, FloatRowKernels rows, Workers workers) {
        this(null, kernel, n, m, a, b, u, v, below, above, null, rows, workers);
    }

    private ScalingSweep(double[] kernel, float[] floatKernel, int n, int m, double[] a, double[] b, double[] u,
                         double[] v, double below, double above, RowKernels rows, FloatRowKernels floatRows,
                         Workers workers) {
        this.kernel = kernel;
        this.floatKernel = floatKernel;
        this.n = n;
        this.m = m;
        this.a = a;
        this.b = b;
        this.u = u;
        this.v = v;
        this.below = below;
        this.above = above;
        this.rows = rows;
        this.floatRows = floatRows;
        this.workers = workers;
        this.partial = new double[CHUNKS * m];
        this.rowChunk = floatKernel != null ? this::floatRows : this::rows;
    }

    /**
     * One iteration: u from v, then v from u. Returns the rows' L1 marginal violation of the plan before the
     * iteration; {@link #leftBand()} tells whether a scaling must be absorbed.
     */
    double iterate() {
        workers.forEach(0, (n + 3) / 4, CHUNKS, rowChunk);
        workers.forEach(0, m, CHUNKS, columnChunk);
        return Workers.sumInOrder(violation, CHUNKS);
    }

    /** Whether the last iteration left some u_i (a_i > 0) or v_j (b_j > 0) outside the absorption band. */
    boolean leftBand() {
        for (boolean o : outside) {
            if (o) {
                return true;
            }
        }
        return false;
    }

    /** The rows of quads [first, last): rows 4 first .. min(n, 4 last), so only the last chunk has a tail. */
    private void rows(int c, int first, int last) {
        int from = 4 * first;
        int to = Math.min(n, 4 * last);
        int off = c * m;
        java.util.Arrays.fill(partial, off, off + m, 0.0);
        double[] d = dots[c];
        double err = 0;
        boolean out = false;
        int i = from;
        for (; i + 3 < to; i += 4) {
            int base = i * m;
            rows.dot4(kernel, base, m, v, d);
            for (int q = 0; q < 4; q++) {
                err += scale(i + q, d[q]);
                out |= a[i + q] > 0 && outsideBand(u[i + q]);
            }
            rows.addScaled4(kernel, base, m, u[i], u[i + 1], u[i + 2], u[i + 3], partial, off);
        }
        for (; i < to; i++) {
            int base = i * m;
            err += scale(i, dot(base));
            out |= a[i] > 0 && outsideBand(u[i]);
            double ui = u[i];
            if (ui != 0) {
                for (int j = 0; j < m; j++) {
                    partial[off + j] += kernel[base + j] * ui;
                }
            }
        }
        violation[c] = err;
        outside[c] = out;
    }

    /** {@link #rows} on the float kernel: the same steps with {@link FloatRowKernels}. */
    private void floatRows(int c, int first, int last) {
        int from = 4 * first;
        int to = Math.min(n, 4 * last);
        int off = c * m;
        java.util.Arrays.fill(partial, off, off + m, 0.0);
        double[] d = dots[c];
        double err = 0;
        boolean out = false;
        int i = from;
        for (; i + 3 < to; i += 4) {
            int base = i * m;
            floatRows.dot4(floatKernel, base, m, v, d);
            for (int q = 0; q < 4; q++) {
                err += scale(i + q, d[q]);
                out |= a[i + q] > 0 && outsideBand(u[i + q]);
            }
            floatRows.addScaled4(floatKernel, base, m, u[i], u[i + 1], u[i + 2], u[i + 3], partial, off);
        }
        for (; i < to; i++) {
            int base = i * m;
            err += scale(i, FloatRowKernels.dot(floatKernel, base, m, v));
            out |= a[i] > 0 && outsideBand(u[i]);
            double ui = u[i];
            if (ui != 0) {
                for (int j = 0; j < m; j++) {
                    partial[off + j] += floatKernel[base + j] * ui;
                }
            }
        }
        violation[c] = err;
        outside[c] = out;
    }

    /** (K v)_i of one row from base, with eight partial sums (the tail rows: fewer than four). */
    private double dot(int base) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int j = 0;
        for (; j + 7 < m; j += 8) {
            int o = base + j;
            s0 += kernel[o] * v[j];
            s1 += kernel[o + 1] * v[j + 1];
            s2 += kernel[o + 2] * v[j + 2];
            s3 += kernel[o + 3] * v[j + 3];
            s4 += kernel[o + 4] * v[j + 4];
            s5 += kernel[o + 5] * v[j + 5];
            s6 += kernel[o + 6] * v[j + 6];
            s7 += kernel[o + 7] * v[j + 7];
        }
        for (; j < m; j++) {
            s0 += kernel[base + j] * v[j];
        }
        return ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7));
    }

    private void columns(int c, int from, int to) {
        boolean out = false;
        for (int j = from; j < to; j++) {
            double r = partial[j];
            for (int q = 1; q < CHUNKS; q++) {
                r += partial[q * m + j];
            }
            double vj = b[j] > 0 ? b[j] / r : 0;
            out |= b[j] > 0 && outsideBand(vj);
            v[j] = vj;
        }
        outside[c] |= out;
    }

    /** u_i = a_i / s (0 where a_i = 0); returns |u_i s - a_i|, row i's violation before the update. */
    private double scale(int i, double s) {
        double violation = Math.abs(u[i] * s - a[i]);
        u[i] = a[i] > 0 ? a[i] / s : 0;
        return violation;
    }

    private boolean outsideBand(double s) {
        return !(s >= below && s <= above);
    }
}
