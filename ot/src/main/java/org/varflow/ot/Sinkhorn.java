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
 * the same on one thread and on many. {@link #withFloatKernel()} stores the kernel in float (products and sums still in
 * double) where 512-bit vectors make that pay, with the error bound and the polish on the double kernel described
 * there.
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
    /**
     * The absorption band on the float kernel: u_i, v_j <= e^20 keeps what the entries stored as 0 could carry,
     * 2^-126 n m e^40 of the mass, far below 2^-24 ({@link #withFloatKernel()}).
     */
    static final double FLOAT_ABSORB_LOG = 20;
    private static final double FLOAT_ABSORB_BELOW = Math.exp(-FLOAT_ABSORB_LOG);
    private static final double FLOAT_ABSORB_ABOVE = Math.exp(FLOAT_ABSORB_LOG);
    /**
     * What float storage can add to the L1 marginal violation, relative to the mass: 2^-20, eight times the
     * 2^-23 (rows and columns, 2^-24 each) of the analysis in {@link #withFloatKernel()}.
     */
    static final double FLOAT_FLOOR = 0x1p-20;
    /** log(2^-126): float kernel entries with a smaller logarithm are stored as 0 (no subnormal floats). */
    private static final double FLOAT_ZERO_LOG = Math.log(Float.MIN_NORMAL);
    private final double epsilon;
    private final double tolerance;
    private final int maxIterations;
    private final double scalingFactor;
    private final boolean scaling;
    private final boolean stabilizedScaling;
    private final Workers workers;
    private final RowKernels rowKernels;
    private final boolean floatKernel;
    private final FloatRowKernels floatRowKernels;

    /** A solver for regularisation {@code epsilon} > 0 with the default tolerance, iteration limit and scaling. */
    public Sinkhorn(double epsilon) {
        this(epsilon, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS, DEFAULT_SCALING_FACTOR, true);
    }

    private Sinkhorn(double epsilon, double tolerance, int maxIterations, double scalingFactor, boolean scaling) {
        this(epsilon, tolerance, maxIterations, scalingFactor, scaling, true, Workers.sequential(),
                RowKernels.best(), false, FloatRowKernels.best());
    }

    private Sinkhorn(double epsilon, double tolerance, int maxIterations, double scalingFactor, boolean scaling,
                     boolean stabilizedScaling, Workers workers, RowKernels rowKernels, boolean floatKernel,
                     FloatRowKernels floatRowKernels) {
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
        this.floatKernel = floatKernel;
        this.floatRowKernels = floatRowKernels;
    }

    /**
     * Stop when the L1 marginal violation is <= tolerance * total mass (tolerance finite, >= 0; 0 runs all
     * iterations).
     */
    public Sinkhorn withTolerance(double tolerance) {
        return new Sinkhorn(epsilon, tolerance, maxIterations, scalingFactor, scaling, stabilizedScaling, workers,
                rowKernels, floatKernel, floatRowKernels);
    }

    /** Limit on the total number of iterations over all epsilon stages (>= 1). */
    public Sinkhorn withMaxIterations(int maxIterations) {
        return new Sinkhorn(epsilon, tolerance, maxIterations, scalingFactor, scaling, stabilizedScaling, workers,
                rowKernels, floatKernel, floatRowKernels);
    }

    /** Epsilon-scaling with eps_{k+1} = max(eps, factor * eps_k), factor in (0, 1). */
    public Sinkhorn withScaling(double factor) {
        return new Sinkhorn(epsilon, tolerance, maxIterations, factor, true, stabilizedScaling, workers, rowKernels,
                floatKernel, floatRowKernels);
    }

    /**
     * Every iteration in the log domain (2 n m exponentials each) instead of stabilised scaling between absorptions
     * (two matrix-vector products each). Same iterates up to rounding; slower; kept for comparison and tests.
     */
    public Sinkhorn logDomainOnly() {
        return new Sinkhorn(epsilon, tolerance, maxIterations, scalingFactor, scaling, false, workers, rowKernels,
                floatKernel, floatRowKernels);
    }

    /**
     * The same solver with its O(n m) loops split over {@code workers} (rows, then columns, in fixed chunks): the
     * results are bitwise those of {@link Workers#sequential()}, the default.
     */
    public Sinkhorn withWorkers(Workers workers) {
        return new Sinkhorn(epsilon, tolerance, maxIterations, scalingFactor, scaling, stabilizedScaling, workers,
                rowKernels, floatKernel, floatRowKernels);
    }

    /** The same solver with the given row kernels (tests: the scalar and the vector kernels give the same numbers). */
    Sinkhorn withRowKernels(RowKernels kernels) {
        return new Sinkhorn(epsilon, tolerance, maxIterations, scalingFactor, scaling, stabilizedScaling, workers,
                kernels, floatKernel, floatRowKernels);
    }

    /**
     * The scaling iterations on a kernel stored in float (half the memory traffic of a sweep; all products and sums
     * still in double), polished on the double kernel when the tolerance asks for more than float storage can give.
     *
     * <p>Kernel. At each absorption the kernel is stored as
     * <pre>
     *   Kf_ij = float( c a_i b_j exp((f_i + g_j - C_ij) / eps) ),   c = 1 / max_j b_j,
     * </pre>
     * (the sweep runs on c a and c b, so u and v are those of the double kernel; c keeps the largest entries near 1,
     * as every column of the kernel sums to b_j right after the log-domain update that precedes it). Every entry
     * that is a normal float has relative error <= 2^-24 (rounding to nearest; the double exponential adds ~1e-13);
     * entries below 2^-126 (Float.MIN_NORMAL) are stored as 0, an absolute error < 2^-126 / c <= 2^-126 mass, and
     * no subnormal float is ever stored (subnormal operands are slow on some processors).
     *
     * <p>Error. All terms are non-negative, so (K v)_i and the column sums sum_i u_i K_ij computed on the float
     * kernel carry relative error <= 2^-24 plus the double accumulation's (about m 2^-53), and an additive part
     * <= 2^-126 mass sum_j v_j from the zeroed entries. With the scalings absorbed once |log u_i| or |log v_j| exceeds
     * {@value #FLOAT_ABSORB_LOG} (instead of {@value #ABSORB_LOG} on the double kernel), u_i, v_j <= e^20 and the
     * zeroed entries move at most 2^-126 n m e^40 mass ~ 1e-11 mass (n m < 2^31) of the plan: they cannot matter at
     * 2^-24. Hence the L1 marginal violation of the plan (rows and columns) is within
     * <pre>
     *   err_float + 2^-23 (mass + err_float) + 1e-11 mass  <=  err_float + FLOOR mass,   FLOOR = 2^-20 ~ 9.5e-7
     * </pre>
     * of the violation err_float measured on the float kernel. The float iterations therefore stop, claiming
     * convergence, once err_float + FLOOR mass <= tolerance mass. A tolerance below about twice the floor is not
     * claimed from float iterations: they stop at err_float <= FLOOR mass, the scalings are absorbed, the log-domain
     * iteration measures the violation in double, and if it is still above the tolerance the stage continues on a
     * double kernel (allocated then: 8 n m more bytes), which meets the tolerance as without this option. So
     * {@link SinkhornResult#converged()} means what it means without it. Intermediate epsilon stages (loose targets,
     * {@code STAGE_TOLERANCE}) run on the float kernel only. With tolerance 0 (run all iterations, no convergence
     * claimed) every scaling iteration runs on the float kernel, and the result's marginal error, computed in double
     * from the potentials, shows what the float kernel reached (about 1e-7 of the mass and below).
     *
     * <p>Speed: worth it only where the Vector API has native 512-bit vectors (one 256-bit float load widened to
     * eight double lanes): a sweep over a 1000 x 1000 kernel took about 0.2 ms instead of 0.3 ms on an AVX-512
     * machine. With 256-bit vectors only it is as fast as the double kernel or up to a tenth slower (the widening
     * costs what the halved memory traffic saves), and without the Vector API about 1.2 times slower; it still
     * halves the kernel's memory. The scalar and the vector float kernels give bitwise the same numbers
     * ({@link FloatRowKernels}), on any number of threads, so the choice of hardware does not change the result.
     * No effect with {@link #logDomainOnly()}.
     */
    public Sinkhorn withFloatKernel() {
        return new Sinkhorn(epsilon, tolerance, maxIterations, scalingFactor, scaling, stabilizedScaling, workers,
                rowKernels, true, floatRowKernels);
    }

    /** The same solver with the given float row kernels (tests: scalar and vector give the same numbers). */
    Sinkhorn withFloatRowKernels(FloatRowKernels kernels) {
        return new Sinkhorn(epsilon, tolerance, maxIterations, scalingFactor, scaling, stabilizedScaling, workers,
                rowKernels, floatKernel, kernels);
    }

    /** Whether the scaling iterations run on a float kernel ({@link #withFloatKernel()}). */
    public boolean floatKernel() {
        return floatKernel;
    }

    /** Plain Sinkhorn at the target epsilon from f = g = 0 (slow for small epsilon). */
    public Sinkhorn withoutScaling() {
        return new Sinkhorn(epsilon, tolerance, maxIterations, scalingFactor, false, stabilizedScaling, workers,
                rowKernels, floatKernel, floatRowKernels);
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
        // matrix-vector products instead of 2 n m exponentials. With the float kernel the double one is allocated
        // only if a stage needs the polish (see withFloatKernel)
        boolean floats = stabilizedScaling && floatKernel;
        double[] u = stabilizedScaling ? new double[n] : null;
        double[] v = stabilizedScaling ? new double[m] : null;
        double[] kernel = stabilizedScaling && !floats ? new double[size] : null;
        ScalingSweep sweep = kernel != null ? new ScalingSweep(kernel, n, m, a, b, u, v, ABSORB_BELOW,
                ABSORB_ABOVE, rowKernels, workers) : null;
        // the float kernel is stored scaled by c = 1 / max b, and its sweep runs on c a and c b (withFloatKernel)
        double maxB = 0;
        for (double w : b) {
            maxB = Math.max(maxB, w);
        }
        double[] scaledA = floats ? new double[n] : null;
        double[] scaledB = floats ? new double[m] : null;
        float[] floatEntries = floats ? new float[size] : null;
        ScalingSweep floatSweep = floats ? new ScalingSweep(floatEntries, n, m, scaledA, scaledB, u, v,
                FLOAT_ABSORB_BELOW, FLOAT_ABSORB_ABOVE, floatRowKernels, workers) : null;
        if (floats) {
            double c = 1 / maxB;
            for (int i = 0; i < n; i++) {
                scaledA[i] = a[i] * c;
            }
            for (int j = 0; j < m; j++) {
                scaledB[j] = b[j] * c;
            }
        }
        double floor = FLOAT_FLOOR * massA;
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
            // the float kernel has reached its floor at this stage: the double kernel from here on
            boolean polish = false;
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
                if (floats && !polish) {
                    // claim convergence only where the float storage's error bound allows, else stop at its floor
                    // and let the next log-domain iteration measure the violation in double
                    boolean claim = target > 2 * floor;
                    double stopAt = target <= 0 ? 0 : claim ? target - floor : floor;
                    int used = floatPhase(cost, n, m, a, b, logA, logB, f, g, floatEntries, u, v, floatSweep,
                            eps, stopAt, 1 / maxB, -Math.log(maxB), maxIterations - iterations);
                    iterations += Math.abs(used);
                    if (progress != null) {
                        progress.set(iterations);
                    }
                    if (used < 0 && claim) {
                        stageConverged = true;
                        break;
                    }
                    polish = used < 0;
                } else if (stabilizedScaling) {
                    if (sweep == null) {
                        kernel = new double[size];
                        sweep = new ScalingSweep(kernel, n, m, a, b, u, v, ABSORB_BELOW, ABSORB_ABOVE, rowKernels,
                                workers);
                    }
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
        return iterateAndAbsorb(n, m, a, b, f, g, u, v, sweep, eps, target, budget);
    }

    /**
     * Scaling iterations from u = v = 1 until the sweep's violation is <= target (if > 0), a scaling leaves the
     * band or the budget is spent; then the scalings are absorbed into f and g.
     *
     * @return the iterations used, negated when the violation reached {@code target}
     */
    private static int iterateAndAbsorb(int n, int m, double[] a, double[] b, double[] f, double[] g, double[] u,
            double[] v, ScalingSweep sweep, double eps, double target, int budget) {
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
     * {@link #scalingPhase} on the float kernel Kf_ij = float(c K_ij), entries below 2^-126 stored as 0, the sweep
     * running on c a and c b so that u and v are those of K ({@link #withFloatKernel()}). When a scaling leaves the
     * band, the scalings are absorbed and the kernel is rebuilt from the new potentials at once, without the
     * log-domain iteration in between (2 n m exponentials saved per absorption, which the narrow band makes more
     * frequent): the sweep has just made the columns exact, so K_ij <= b_j still holds and c still keeps the entries
     * below about 1.
     *
     * @param stopAt the L1 row violation (in mass units, measured on the float kernel) at which to stop; 0: never
     * @return the iterations used, negated when the violation reached {@code stopAt}
     */
    private int floatPhase(double[] cost, int n, int m, double[] a, double[] b, double[] logA, double[] logB,
            double[] f, double[] g, float[] kernel, double[] u, double[] v, ScalingSweep sweep, double eps,
            double stopAt, double c, double logC, int budget) {
        double inv = 1 / eps;
        Workers.Chunk build = (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                int base = i * m;
                double fi = f[i] * inv + logA[i] + logC;
                for (int j = 0; j < m; j++) {
                    double x = fi + logB[j] + (g[j] - cost[base + j]) * inv;
                    // no exponential for what would be a subnormal float or 0 (many entries at small eps)
                    kernel[base + j] = x > FLOAT_ZERO_LOG ? (float) Math.exp(x) : 0f;
                }
            }
        };
        int total = 0;
        while (true) {
            workers.forEach(0, n, ScalingSweep.CHUNKS, build);
            int used = iterateAndAbsorb(n, m, a, b, f, g, u, v, sweep, eps, stopAt * c, budget - total);
            total += Math.abs(used);
            if (used < 0) {
                return -total;
            }
            if (used == 0 || total >= budget || !sweep.leftBand()) {
                return total;
            }
        }
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
