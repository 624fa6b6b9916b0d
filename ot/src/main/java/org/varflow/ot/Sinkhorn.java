package org.varflow.ot;

import org.varflow.api.Workers;

/**
 * Entropic optimal transport by Sinkhorn iterations in the log domain, with epsilon-scaling.
 *
 * <h2>Problem</h2>
 * <pre>
 *   OT_eps(a, b; C) = min { <C, P> + eps KL(P | a (x) b) : P >= 0, P 1 = a, P^T 1 = b },
 *   KL(P | Q) = sum_ij P_ij log(P_ij / Q_ij) - P_ij + Q_ij.
 * </pre>
 * The minimiser has the form P_ij = a_i b_j exp((f_i + g_j - C_ij) / eps) for dual potentials f, g.
 *
 * <h2>Iteration</h2>
 * One iteration makes the rows exact, then the columns, with log-sum-exp stabilised updates (the largest exponent is
 * subtracted before exponentiating, so nothing overflows however small eps is):
 * <pre>
 *   f_i = -eps LSE_j( log b_j + (g_j - C_ij) / eps ),
 *   g_j = -eps LSE_i( log a_i + (f_i - C_ij) / eps ),      LSE_k(v_k) = max v + log sum_k exp(v_k - max v).
 * </pre>
 * After the f update the row marginals are exact and the column marginals are b_j exp((g_j - g_j^new) / eps); the
 * L1 violation err = sum_j b_j |exp((g_j - g_j^new) / eps) - 1| therefore comes for free with the g update. The
 * iteration stops when err <= tolerance * mass (mass = sum a = sum b) or after maxIterations in total.
 *
 * <h2>Epsilon-scaling</h2>
 * Convergence slows down like exp(-range(C) / eps) per iteration for small eps. The solve therefore starts at
 * eps_0 = max C - min C and multiplies eps by scalingFactor per stage down to the target, each stage warm-started
 * from the potentials of the previous one (the potentials are in cost units, so they carry over unchanged).
 * Intermediate stages stop at a loose marginal violation (1e-3 of the mass, or the final tolerance if looser): they
 * only have to bring the potentials close, while the final stage runs to the requested tolerance. With scaling
 * switched off the solve starts at the target directly from f = g = 0.
 *
 * <p>Sinkhorn converges linearly, but the rate degrades as eps shrinks, and badly so when the optimal plan is
 * degenerate (e.g. uniform weights with n = m: the plan tends to a permutation and the marginal error can stall).
 * Check {@link SinkhornResult#converged()}, and use {@link ExactOT} when the unregularised optimum is wanted.
 *
 * <p>Between absorptions the iterations run in scaling form on the kernel with the potentials absorbed (see
 * {@code scalingPhase}): two matrix-vector products per iteration instead of 2 n m exponentials, with the same
 * stability ({@link #logDomainOnly()} switches that off).
 *
 * <p>The solver object is immutable configuration; every solve allocates its scratch arrays (O(n + m), and 16 m
 * partial sums) and its result (the dense plan, O(n m)) once, and the iterations allocate nothing. Cost per
 * log-domain iteration: 2 n m exponentials.
 *
 * <p>Speed. The scaling sweep's dot products run on the Vector API when {@code jdk.incubator.vector} is present
 * ({@code --add-modules jdk.incubator.vector}), on sixteen scalar chains otherwise: bitwise the same numbers
 * ({@link RowKernels}). {@link #withWorkers} splits the O(n m) loops over threads in fixed chunks of rows and columns;
 * the sweep's column sums are added chunk by chunk in chunk order ({@link ScalingSweep}), so the result is bitwise
 * the same on one thread and on many.
 */
public final class Sinkhorn {
    /** Default L1 marginal tolerance, relative to the total mass. */
    public static final double DEFAULT_TOLERANCE = 1e-9;
    /** Default limit on the total number of iterations over all stages. */
    public static final int DEFAULT_MAX_ITERATIONS = 100_000;
    /** Default factor by which epsilon shrinks from one stage to the next. */
    public static final double DEFAULT_SCALING_FACTOR = 0.5;

    /**
     * Intermediate epsilon stages only provide a warm start; they stop once the L1 marginal violation is below this
     * fraction of the mass (or below the final tolerance, if that is looser).
     */
    static final double STAGE_TOLERANCE = 1e-3;
    /**
     * Log-sum-exp terms more than 50 below the largest (exp(-50) ~ 2e-22) cannot change the double-precision sum
     * and are skipped without calling exp; at small epsilon that is nearly all of them.
     */
    private static final double NEGLIGIBLE_EXPONENT = -50;
    /** Scalings are absorbed into the potentials once some |log u_i| or |log v_j| exceeds this. */
    private static final double ABSORB_LOG = 100;
    /** exp(-ABSORB_LOG) and exp(ABSORB_LOG): |log s| <= ABSORB_LOG tested without a logarithm per scaling. */
    private static final double ABSORB_BELOW = Math.exp(-ABSORB_LOG);
    private static final double ABSORB_ABOVE = Math.exp(ABSORB_LOG);
    private final double epsilon;
    private final double tolerance;
    private final int maxIterations;
    private final double scalingFactor;
    private final boolean scaling;
    private final boolean stabilizedScaling;
    private final Workers workers;
    private final RowKernels rowKernels;

    /** A solver for regularisation {@code epsilon} > 0 with the default tolerance, iteration limit and scaling. */
    public Sinkhorn(double epsilon) {
        this(epsilon, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS, DEFAULT_SCALING_FACTOR, true);
    }

    private Sinkhorn(double epsilon, double tolerance, int maxIterations, double scalingFactor, boolean scaling) {
        this(epsilon, tolerance, maxIterations, scalingFactor, scaling, true, Workers.sequential(),
                RowKernels.best());
    }

    private Sinkhorn(double epsilon, double tolerance, int maxIterations, double scalingFactor, boolean scaling,
                     boolean stabilizedScaling, Workers workers, RowKernels rowKernels) {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon = " + epsilon + ": the regularisation must be finite and > 0");
        }
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance = " + tolerance
                    + ": the marginal tolerance must be finite and >= 0");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations = " + maxIterations + ": must be >= 1");
        }
        if (!(scalingFactor > 0 && scalingFactor < 1)) {
            throw new IllegalArgumentException("scalingFactor = " + scalingFactor + ": must be in (0, 1)");
        }
        this.epsilon = epsilon;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.scalingFactor = scalingFactor;
        this.scaling = scaling;
        this.stabilizedScaling = stabilizedScaling;
        this.workers = java.util.Objects.requireNonNull(workers, "workers");
        this.rowKernels = rowKernels;
    }

    /**
     * Stop when the L1 marginal violation is <= tolerance * total mass (tolerance finite, >= 0; 0 runs all
     * iterations).
     */
    public Sinkhorn withTolerance(double tolerance) {
        return new Sinkhorn(epsilon, tolerance, maxIterations, scalingFactor, scaling, stabilizedScaling, workers,
                rowKernels);
    }

    /** Limit on the total number of iterations over all epsilon stages (>= 1). */
    public Sinkhorn withMaxIterations(int maxIterations) {
        return new Sinkhorn(epsilon, tolerance, maxIterations, scalingFactor, scaling, stabilizedScaling, workers,
                rowKernels);
    }

    /** Epsilon-scaling with eps_{k+1} = max(eps, factor * eps_k), factor in (0, 1). */
    public Sinkhorn withScaling(double factor) {
        return new Sinkhorn(epsilon, tolerance, maxIterations, factor, true, stabilizedScaling, workers, rowKernels);
    }

    /**
     * Every iteration in the log domain (2 n m exponentials each) instead of stabilised scaling between absorptions
     * (two matrix-vector products each). Same iterates up to rounding; slower; kept for comparison and tests.
     */
    public Sinkhorn logDomainOnly() {
        return new Sinkhorn(epsilon, tolerance, maxIterations, scalingFactor, scaling, false, workers, rowKernels);
    }

    /**
     * The same solver with its O(n m) loops split over {@code workers} (rows, then columns, in fixed chunks): the
     * results are bitwise those of {@link Workers#sequential()}, the default.
     */
    public Sinkhorn withWorkers(Workers workers) {
        return new Sinkhorn(epsilon, tolerance, maxIterations, scalingFactor, scaling, stabilizedScaling, workers,
                rowKernels);
    }

    /** The same solver with the given row kernels (tests: the scalar and the vector kernels give the same numbers). */
    Sinkhorn withRowKernels(RowKernels kernels) {
        return new Sinkhorn(epsilon, tolerance, maxIterations, scalingFactor, scaling, stabilizedScaling, workers,
                kernels);
    }

    /** Plain Sinkhorn at the target epsilon from f = g = 0 (slow for small epsilon). */
    public Sinkhorn withoutScaling() {
        return new Sinkhorn(epsilon, tolerance, maxIterations, scalingFactor, false, stabilizedScaling, workers,
                rowKernels);
    }

    public double epsilon() {
        return epsilon;
    }

    public double tolerance() {
        return tolerance;
    }

    public int maxIterations() {
        return maxIterations;
    }

    /**
     * Entropic OT between the uniform empirical measures on two point clouds (row-major, dimension d) for the squared
     * Euclidean cost C_ij = |x_i - y_j|^2.
     */
    public SinkhornResult squaredEuclidean(double[] x, double[] y, int d) {
        double[] cost = Costs.squaredEuclidean(x, y, d);
        return solve(ExactOT.uniform(x.length / d), ExactOT.uniform(y.length / d), cost);
    }

    /** Weighted version of {@link #squaredEuclidean(double[], double[], int)}: weights a on x and b on y. */
    public SinkhornResult squaredEuclidean(double[] x, double[] a, double[] y, double[] b, int d) {
        return solve(a, b, Costs.squaredEuclidean(x, y, d));
    }

    /**
     * Solves OT_eps(a, b; C).
     *
     * @param a source weights, length n >= 1, finite, >= 0
     * @param b target weights, length m >= 1, finite, >= 0, same total mass as a (relative tolerance 1e-9)
     * @param cost C, row-major n x m, finite
     */
    public SinkhornResult solve(double[] a, double[] b, double[] cost) {
        return solve(a, b, cost, null);
    }

    /** As {@link #solve(double[], double[], double[])}, counting the iterations made in {@code progress} (or null). */
    public SinkhornResult solve(double[] a, double[] b, double[] cost,
                                java.util.concurrent.atomic.AtomicLong progress) {
        Checks.nonEmpty("a", a);
        Checks.nonEmpty("b", b);
        double massA = Checks.weights("a", a, a.length, "a.length");
        double massB = Checks.weights("b", b, b.length, "b.length");
        Checks.sameMass("a", massA, "b", massB);
        int n = a.length;
        int m = b.length;
        int size = Checks.matrixSize(n, m);
        Checks.costMatrix("cost", cost, n, m);

        double[] logA = logs(a);
        double[] logB = logs(b);
        double[] f = new double[n];
        double[] g = new double[m];
        double[] colMax = new double[m];
        double[] colSum = new double[m];
        // stabilised scaling (absorption) needs an n x m kernel; it is what makes an iteration cost two
        // matrix-vector products instead of 2 n m exponentials
        double[] kernel = stabilizedScaling ? new double[size] : null;
        double[] u = stabilizedScaling ? new double[n] : null;
        double[] v = stabilizedScaling ? new double[m] : null;
        ScalingSweep sweep = stabilizedScaling ? new ScalingSweep(kernel, n, m, a, b, u, v, ABSORB_BELOW,
                ABSORB_ABOVE, rowKernels, workers) : null;
        double[][] rows = new double[ScalingSweep.CHUNKS][];

        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double c : cost) {
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        double eps = scaling ? Math.max(epsilon, max - min) : epsilon;
        double stop = tolerance * massA;
        double stageStop = Math.max(tolerance, STAGE_TOLERANCE) * massA;
        int iterations = 0;
        boolean converged = false;
        while (true) {
            boolean stageConverged = false;
            double target = eps == epsilon ? stop : stageStop;
            while (iterations < maxIterations) {
                // one log-domain iteration brings f, g close; then cheap scaling iterations on the absorbed kernel
                updateRows(cost, n, m, logB, f, g, rows, eps);
                double err = updateColumns(cost, n, m, logA, b, f, g, colMax, colSum, eps);
                iterations++;
                if (progress != null) {
                    progress.set(iterations);
                }
                if (target > 0 && err <= target) {
                    stageConverged = true;
                    break;
                }
                if (kernel != null) {
                    int used = scalingPhase(cost, n, m, a, b, logA, logB, f, g, kernel, u, v, sweep, eps, target,
                            maxIterations - iterations);
                    iterations += Math.abs(used);
                    if (progress != null) {
                        progress.set(iterations);
                    }
                    if (used < 0) {
                        stageConverged = true;
                        break;
                    }
                }
            }
            if (eps == epsilon || !stageConverged) {
                converged = stageConverged && eps == epsilon;
                break;
            }
            eps = Math.max(epsilon, eps * scalingFactor);
        }
        if (eps != epsilon) {
            // iteration budget exhausted at an intermediate stage: return the plan of the target epsilon anyway,
            // with potentials made consistent with it by one final update (not counted in iterations)
            eps = epsilon;
            updateRows(cost, n, m, logB, f, g, rows, eps);
            updateColumns(cost, n, m, logA, b, f, g, colMax, colSum, eps);
        }
        return result(a, b, massA, massB, cost, logA, logB, f, g, eps, iterations, converged, size);
    }

    /**
     * Sinkhorn in scaling form on the kernel with the current potentials absorbed (Schmitzer's stabilised scaling):
     * K_ij = a_i b_j exp((f_i + g_j - C_ij) / eps), P = diag(u) K diag(v), alternating u = a / (K v) and
     * v = b / (K^T u). Mathematically the same iterations as the log-domain updates (f += eps log u,
     * g += eps log v), at the cost of one sweep over K each ({@link ScalingSweep}). As soon as some |log u_i| or
     * |log v_j| exceeds {@value #ABSORB_LOG} the scalings are absorbed into f and g and control returns to the
     * log-domain loop, which rebuilds the kernel; so no scaling ever over- or underflows, however small eps is.
     *
     * @return the iterations used, negated when the marginal violation reached {@code target}
     */
    private int scalingPhase(double[] cost, int n, int m, double[] a, double[] b, double[] logA, double[] logB,
            double[] f, double[] g, double[] kernel, double[] u, double[] v, ScalingSweep sweep, double eps,
            double target, int budget) {
        double inv = 1 / eps;
        workers.forEach(0, n, ScalingSweep.CHUNKS, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                int base = i * m;
                double fi = f[i] * inv + logA[i];
                for (int j = 0; j < m; j++) {
                    kernel[base + j] = Math.exp(fi + logB[j] + (g[j] - cost[base + j]) * inv);
                }
            }
        });
        java.util.Arrays.fill(u, 0, n, 1.0);
        java.util.Arrays.fill(v, 0, m, 1.0);
        int used = 0;
        boolean converged = false;
        while (used < budget) {
            // err is the rows' violation of the plan before this iteration: once it is small enough the plan has
            // converged; the iteration only made it better
            double err = sweep.iterate();
            if (used > 0 && target > 0 && err <= target) {
                converged = true;
            }
            used++;
            if (converged || sweep.leftBand()) {
                break;
            }
        }
        // absorb the scalings into the potentials (zero-weight points keep theirs)
        for (int i = 0; i < n; i++) {
            if (a[i] > 0 && u[i] > 0 && Double.isFinite(u[i])) {
                f[i] += eps * Math.log(u[i]);
            }
        }
        for (int j = 0; j < m; j++) {
            if (b[j] > 0 && v[j] > 0 && Double.isFinite(v[j])) {
                g[j] += eps * Math.log(v[j]);
            }
        }
        return converged ? -used : used;
    }

    /**
     * f_i = -eps LSE_j(log b_j + (g_j - C_ij) / eps): makes every row sum of P equal to a_i. Rows are independent:
     * split over the workers, each chunk with its own scratch row (allocated on first use).
     */
    private void updateRows(double[] cost, int n, int m, double[] logB, double[] f, double[] g, double[][] rows,
            double eps) {
        double inv = 1 / eps;
        workers.forEach(0, n, ScalingSweep.CHUNKS, (c, from, to) -> {
            if (rows[c] == null) {
                rows[c] = new double[m];
            }
            double[] row = rows[c];
            for (int i = from; i < to; i++) {
                int base = i * m;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < m; j++) {
                    double v = logB[j] + (g[j] - cost[base + j]) * inv;
                    row[j] = v;
                    if (v > max) {
                        max = v;
                    }
                }
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    double z = row[j] - max;
                    if (z > NEGLIGIBLE_EXPONENT) {
                        sum += Math.exp(z);
                    }
                }
                f[i] = -eps * (max + Math.log(sum));
            }
        });
    }

    /**
     * g_j = -eps LSE_i(log a_i + (f_i - C_ij) / eps), traversing C row by row (two passes: column maxima, then sums)
     * for each chunk of columns; every column's sums run over the rows in order, so the split changes nothing.
     *
     * @return the L1 column violation sum_j b_j |exp((g_j^old - g_j^new) / eps) - 1| of the plan (f, g^old)
     */
    private double updateColumns(double[] cost, int n, int m, double[] logA, double[] b, double[] f,
            double[] g, double[] colMax, double[] colSum, double eps) {
        double inv = 1 / eps;
        workers.forEach(0, m, ScalingSweep.CHUNKS, (c, from, to) -> {
            java.util.Arrays.fill(colMax, from, to, Double.NEGATIVE_INFINITY);
            java.util.Arrays.fill(colSum, from, to, 0);
            for (int i = 0; i < n; i++) {
                if (logA[i] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                int base = i * m;
                double la = logA[i];
                double fi = f[i];
                for (int j = from; j < to; j++) {
                    double v = la + (fi - cost[base + j]) * inv;
                    if (v > colMax[j]) {
                        colMax[j] = v;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (logA[i] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                int base = i * m;
                double la = logA[i];
                double fi = f[i];
                for (int j = from; j < to; j++) {
                    double z = la + (fi - cost[base + j]) * inv - colMax[j];
                    if (z > NEGLIGIBLE_EXPONENT) {
                        colSum[j] += Math.exp(z);
                    }
                }
            }
        });
        double err = 0;
        for (int j = 0; j < m; j++) {
            double updated = -eps * (colMax[j] + Math.log(colSum[j]));
            if (b[j] > 0) {
                err += b[j] * Math.abs(Math.expm1((g[j] - updated) * inv));
            }
            g[j] = updated;
        }
        return err;
    }

    private static SinkhornResult result(double[] a, double[] b, double massA, double massB, double[] cost,
            double[] logA, double[] logB, double[] f, double[] g, double eps, int iterations, boolean converged,
            int size) {
        int n = a.length;
        int m = b.length;
        double inv = 1 / eps;
        double[] plan = new double[size];
        double[] colSums = new double[m];
        double transport = 0;
        double linear = 0; // sum P (f + g - C) = eps sum P log(P / (a b))
        double total = 0;
        double marginal = 0;
        for (int i = 0; i < n; i++) {
            int base = i * m;
            double rowSum = 0;
            for (int j = 0; j < m; j++) {
                double exponent = (f[i] + g[j] - cost[base + j]) * inv;
                double p = Math.exp(logA[i] + logB[j] + exponent);
                plan[base + j] = p;
                rowSum += p;
                colSums[j] += p;
                transport += p * cost[base + j];
                if (p > 0) {
                    linear += p * (f[i] + g[j] - cost[base + j]);
                }
            }
            total += rowSum;
            marginal += Math.abs(rowSum - a[i]);
        }
        for (int j = 0; j < m; j++) {
            marginal += Math.abs(colSums[j] - b[j]);
        }
        double objective = transport + linear + eps * (massA * massB - total);
        return new SinkhornResult(n, m, plan, transport, objective, f, g, eps, iterations, marginal, converged);
    }

    private static double[] logs(double[] w) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = Math.log(w[i]);
        }
        return out;
    }
}
