package org.varflow.measures.grid;

import org.varflow.api.Flow;
import org.varflow.api.Workers;
import org.varflow.api.measure.GridLayout;

/**
 * The substeps of {@code density-euler} on a 1-D grid while the Scharfetter-Gummel face coefficients cannot change:
 * a potential energy (psi = V, independent of rho), the Boltzmann entropy at an unchanged temperature, and zero flux
 * through both ends. Then every substep after the first is the linear three-point stencil
 *
 * <pre>
 *   J_f = fw_f rho_f - bw_f rho_(f+1)  (face f between cells f and f + 1, f = 0 .. n - 2)
 *   rho_i &lt;- max(0, rho_i + h ((0 + J_(i-1)) - J_i))     (J_(-1), J_(n-1) absent)
 * </pre>
 *
 * with the coefficients the metric cached at the step's first substep, the same operations in the same order as
 * {@link DensityFlux#wasserstein}'s cached path followed by the stepper's update, so the densities are bitwise those of
 * the general loop, which recomputes psi and looks the coefficients up at every substep. Two vectorisable passes
 * (fluxes, then cells) instead of five.
 *
 * <p>Threads. With the run's workers the grid is cut into {@code chunks} fixed pieces (from the grid size alone,
 * about {@value #CELLS_PER_CHUNK} cells each) and the substeps are taken {@value #BLOCK} at a time: each piece copies
 * itself with {@value #BLOCK} cells of halo on each side, takes the substeps in its window, and writes back its own
 * cells. A cell's value after s substeps depends only on the cells within s of it, so the piece's own cells are exact
 * (bitwise the sequential ones) while the garbage of the halo's open ends moves inward one cell per substep and never
 * reaches them. One synchronisation per {@value #BLOCK} substeps instead of one per substep, for a few percent of
 * repeated work at the halos.
 */
final class FrozenFaceSubsteps {
    /** Substeps taken between two synchronisations of the pieces (also the halo width). */
    static final int BLOCK = 32;
    /** Cells per piece the grid is cut into (the count depends on the grid size only). */
    static final int CELLS_PER_CHUNK = 512;

    private final int n;
    private final double[] flux;
    private final double[] next;
    private final double[] pieces = new double[BLOCK];
    private final int chunks;
    private final double[][] windows;
    private final double[][] windowFlux;
    // the current block, read by the chunk bodies
    private double[] rho;
    private double[] fw;
    private double[] bw;
    private int count;
    private long taken;
    private final Workers.Chunk blockChunk = this::block;
    private final StencilKernels kernels;

    /** For a grid of n cells, with the given kernels ({@link StencilKernels#best()} in runs). */
    FrozenFaceSubsteps(int n, StencilKernels kernels) {
        this.kernels = kernels;
        this.n = n;
        this.flux = new double[Math.max(0, n - 1)];
        this.next = new double[n];
        this.chunks = Math.max(1, Math.min(16, n / CELLS_PER_CHUNK));
        this.windows = new double[chunks][];
        this.windowFlux = new double[chunks][];
    }

    /**
     * Whether the face coefficients of {@code flow} on {@code layout} depend on time only through the temperature: a
     * potential energy (psi fixed) with the Boltzmann exponent under the Wasserstein metric on one axis. The
     * temperature itself is checked substep by substep ({@link #finish}).
     */
    static boolean applies(Flow flow, DensityMetric metric, GridLayout layout, double exponent) {
        return layout.axes() == 1 && exponent == 1.0 && GridMetrics.isWasserstein(metric)
                && flow.energy() instanceof PotentialOnGrid;
    }

    /**
     * Takes the substeps of the rest of a step, from {@code done} towards {@code h}, each of length
     * min(h - done, {@code longest}) (the last stretched to h when less than 1e-14 h would remain), exactly as
     * density-euler's loop chooses them, for as long as the temperature at the substep's start stays
     * {@code temperature} (that of the substep that cached the coefficients).
     *
     * @param faces the coefficients cached at the step's last substep (one face per pair of neighbours)
     * @return the time reached: {@code h}, or the start of the first substep at another temperature
     */
    double finish(double[] rho, DensityFlux.FaceRates faces, Flow flow, double t, double h, double done,
                  double longest, double temperature, Workers workers) {
        this.rho = rho;
        this.fw = faces.forward();
        this.bw = faces.backward();
        taken = 0;
        try {
            boolean changed = false;
            while (done < h && !changed) {
                count = 0;
                while (count < BLOCK && done < h) {
                    if (flow.temperature(t + done) != temperature) {
                        changed = true;
                        break;
                    }
                    double piece = Math.min(h - done, longest);
                    if (h - done - piece < 1e-14 * h) {
                        piece = h - done;
                    }
                    pieces[count++] = piece;
                    done += piece;
                }
                taken += count;
                if (workers.threads() == 1 || chunks == 1) {
                    for (int s = 0; s < count; s++) {
                        substep(rho, 0, n, pieces[s], flux);
                    }
                } else if (count > 0) {
                    workers.forEach(0, n, chunks, blockChunk);
                    System.arraycopy(next, 0, rho, 0, n);
                }
            }
        } finally {
            this.rho = null;
        }
        return done;
    }

    /** The substeps the last {@link #finish} took. */
    long taken() {
        return taken;
    }

    /** One piece of the grid, cells [from, to), through the block's substeps in its own window. */
    private void block(int c, int from, int to) {
        int lo = Math.max(0, from - BLOCK);
        int hi = Math.min(n, to + BLOCK);
        if (windows[c] == null || windows[c].length < hi - lo) {
            windows[c] = new double[hi - lo];
            windowFlux[c] = new double[hi - lo];
        }
        double[] w = windows[c];
        System.arraycopy(rho, lo, w, 0, hi - lo);
        for (int s = 0; s < count; s++) {
            substep(w, lo, hi, pieces[s], windowFlux[c]);
        }
        System.arraycopy(w, from - lo, next, from, to - from);
    }

    /**
     * One substep on cells [lo, hi) held in {@code x} from index 0 (x[i - lo] is cell i), with no flux through the
     * window's ends (the grid's own ends, or a halo's open end whose error never reaches the piece's cells).
     * {@code f} is scratch for the faces, indexed like x.
     */
    private void substep(double[] x, int lo, int hi, double piece, double[] f) {
        int len = hi - lo;
        kernels.fluxes(x, len, fw, bw, lo, f);
        kernels.cells(x, len, f, piece);
    }
}
