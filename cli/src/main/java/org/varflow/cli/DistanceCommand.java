package org.varflow.cli;

import org.varflow.api.io.CsvTable;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.varflow.api.ConfigurationException;
import org.varflow.api.io.Excerpt;
import org.varflow.cli.distance.Budget;
import org.varflow.cli.distance.GaussianInput;
import org.varflow.cli.distance.PlanFile;
import org.varflow.cli.distance.Scaling;
import org.varflow.ot.Costs;
import org.varflow.ot.ExactOT;
import org.varflow.ot.ExactOTResult;
import org.varflow.ot.GaussianW2;
import org.varflow.ot.Mmd;
import org.varflow.ot.MonteCarloEstimate;
import org.varflow.ot.RandomFeatureMmd;
import org.varflow.ot.Sinkhorn;
import org.varflow.ot.SinkhornResult;
import org.varflow.ot.SlicedWasserstein;
import org.varflow.ot.Wasserstein1D;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code varflow distance (w2|emd|sinkhorn|mmd) A.csv B.csv}: a distance between two samples (weighted or not) by the
 * optimal-transport toolkit, so users can compare their own data and runs.
 *
 * <ul>
 *   <li>{@code w2}: exact W2 = (min_pi sum pi_ij |x_i - y_j|^2)^(1/2) - sorted quantile functions in 1-D, the network
 *       simplex otherwise;</li>
 *   <li>{@code emd}: exact W1 = min_pi sum pi_ij |x_i - y_j| (earth mover's distance, Euclidean ground cost);</li>
 *   <li>{@code sinkhorn}: the transport cost &lt;C, pi_eps&gt; of the entropic plan for C = |x - y|^2 (log-domain,
 *       epsilon-scaling), with its square root and the plan's marginal error;</li>
 *   <li>{@code mmd}: maximum mean discrepancy with a Gaussian kernel (bandwidth given or the median heuristic); with
 *       {@code --features D}, its random-feature estimate, linear in the sample sizes;</li>
 *   <li>{@code sliced-w2}: the sliced W2 distance by Monte Carlo over directions, linear in the sample sizes;</li>
 *   <li>{@code gaussian}: the closed-form W2 (Bures-Wasserstein) between two Gaussians, each given by its mean and
 *       covariance in a file ({@code --gaussian-a}, {@code --gaussian-b}) or by a sample's moments.</li>
 * </ul>
 * {@code --plan FILE} writes the optimal (w2, emd) or entropic (sinkhorn) plan as CSV ({@link PlanFile});
 * {@code --max-iterations} and {@code --tolerance} set Sinkhorn's limits.
 *
 * Samples whose coordinates are beyond 1e100 (or below 1e-100) are scaled by a power of two first, exactly, so that
 * no cost overflows; the quadratic methods state their cost and refuse past a time limit unless forced
 * ({@link Budget}).
 */
@Command(name = "distance", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A distance between two samples: exact W2, exact W1 (emd), entropic OT (sinkhorn), MMD,",
            "sliced W2, or the closed-form W2 between Gaussians (gaussian: given by mean and covariance, or by",
            "samples' moments). The quadratic methods state their cost first and need --force past about a minute;",
            "sliced-w2 and mmd --features scale linearly in the sample sizes.",
            "A.csv and B.csv hold one point per row (comma-separated coordinates, an optional header row);",
            "weights, if given, one non-negative number per row (normalised to mass one)."},
        footer = {"", "Examples:", "  varflow distance w2 run1.csv run2.csv",
            "  varflow distance sinkhorn a.csv b.csv --eps 0.01 --json",
            "  varflow distance emd a.csv b.csv --weights-a wa.txt --weights-b wb.txt",
            "  varflow distance mmd a.csv b.csv --bandwidth 0.5",
            "  varflow distance sinkhorn a.csv b.csv --eps 0.1 --max-iterations 500000 --tolerance 1e-8 --plan p.csv",
            "  varflow distance emd a.csv b.csv --plan plan.csv",
            "  varflow distance gaussian g1.csv b.csv --gaussian-a   (g1.csv: the mean, then the covariance rows)",
            "  varflow distance sliced-w2 big-a.csv big-b.csv --projections 500",
            "  varflow distance mmd big-a.csv big-b.csv --features 1000",
            "", "Exit codes: 0 success, 2 bad input (file, format, sizes, parameters)."})
final class DistanceCommand implements Callable<Integer> {
    private final PrintWriter out;

    @Parameters(index = "0", paramLabel = "KIND", description = "w2, emd, sinkhorn, mmd, sliced-w2 or gaussian")
    String kind;

    @Parameters(index = "1", paramLabel = "A.csv", description = "the first sample") Path fileA;

    @Parameters(index = "2", paramLabel = "B.csv", description = "the second sample") Path fileB;

    @Option(names = "--weights-a", paramLabel = "FILE", description = "weights of A, one per row") Path weightsA;

    @Option(names = "--weights-b", paramLabel = "FILE", description = "weights of B, one per row") Path weightsB;

    @Option(names = "--eps", paramLabel = "E", description = "sinkhorn: the regularisation epsilon, absolute"
            + " (default: 1e-3 x the largest cost)") Double eps;

    @Option(names = "--bandwidth", paramLabel = "H", description = "mmd: the kernel bandwidth sigma (default: the"
            + " median pairwise distance)") Double bandwidth;

    @Option(names = "--max-iterations", paramLabel = "N", description = "sinkhorn: the most iterations over all"
            + " epsilon stages (default 100000)") Integer maxIterations;

    @Option(names = "--tolerance", paramLabel = "T", description = "sinkhorn: stop when the L1 marginal error is at"
            + " most T x the mass (default 1e-9)") Double tolerance;

    @Option(names = "--float-kernel", description = "sinkhorn: iterate on the kernel stored in float, every product"
            + " and sum in double (faster with the Vector API's 512-bit vectors; marginals within 2^-20 of the mass,"
            + " a tighter --tolerance is finished on the double kernel)") boolean floatKernel;

    @Option(names = "--plan", paramLabel = "FILE", description = "w2, emd, sinkhorn: write the transport plan as CSV"
            + " (dense n x m up to 10000 entries, else source,target,mass rows)") Path plan;

    @Option(names = "--gaussian-a", description = "gaussian: A.csv holds a Gaussian's parameters (the mean, then the d"
            + " rows of the covariance) instead of samples") boolean gaussianA;

    @Option(names = "--gaussian-b", description = "gaussian: the same for B.csv") boolean gaussianB;

    @Option(names = "--json", description = "print the result as JSON") boolean json;

    @Option(names = "--projections", paramLabel = "L", description = "sliced-w2: the number of random directions"
            + " (default " + DEFAULT_PROJECTIONS + "; the standard error falls as 1/sqrt(L))") Integer projections;

    @Option(names = "--features", paramLabel = "D", description = "mmd: estimate with D random Fourier features,"
            + " linear in the sample sizes, instead of every pair (the standard error falls as 1/sqrt(D))")
    Integer features;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "sliced-w2, mmd --features: the"
            + " seed of the random directions or features (default 1)") long seed;

    @Option(names = "--force", description = "run a quadratic method past its time limit (estimated)") boolean force;

    /** Directions of sliced-w2 unless --projections says. */
    static final int DEFAULT_PROJECTIONS = 200;
    static final List<String> KINDS = List.of("w2", "emd", "sinkhorn", "mmd", "sliced-w2", "gaussian");

    private final PrintWriter err;

    @Inject
    DistanceCommand(@Stdout PrintWriter out, @Stderr PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** A point cloud read from CSV: n rows of d coordinates, row-major, and the header row if the file had one. */
    record Cloud(double[] points, int n, int d, List<String> header) {
    }

    @Override
    public Integer call() throws Exception {
        String k = kind.toLowerCase(Locale.ROOT);
        if (!KINDS.contains(k)) {
            throw new ConfigurationException("unknown distance " + Excerpt.quote(kind) + "; expected one of " + KINDS);
        }
        if (eps != null && !k.equals("sinkhorn")) {
            throw new ConfigurationException("--eps applies to sinkhorn only");
        }
        if (bandwidth != null && !k.equals("mmd")) {
            throw new ConfigurationException("--bandwidth applies to mmd only");
        }
        if (projections != null && !k.equals("sliced-w2")) {
            throw new ConfigurationException("--projections applies to sliced-w2 only");
        }
        if (features != null && !k.equals("mmd")) {
            throw new ConfigurationException("--features applies to mmd only");
        }
        if (projections != null && (projections < 2 || projections > 1_000_000)) {
            throw new ConfigurationException("--projections " + projections + " is not valid; expected a whole"
                    + " number in [2, 1000000]");
        }
        if (features != null && (features < 2 || features > 1_000_000)) {
            throw new ConfigurationException("--features " + features + " is not valid; expected a whole number in"
                    + " [2, 1000000]");
        }
        checkNewOptions(k);
        if (k.equals("gaussian")) {
            return gaussian();
        }
        Cloud a = read(fileA);
        Cloud b = read(fileB);
        if (a.d() != b.d()) {
            throw new ConfigurationException(fileA + " has points of dimension " + a.d() + " but " + fileB + " of"
                    + " dimension " + b.d() + "; both samples must live in the same space");
        }
        double[] wa = weightsA == null ? uniform(a.n()) : weights(weightsA, a.n(), fileA);
        double[] wb = weightsB == null ? uniform(b.n()) : weights(weightsB, b.n(), fileB);
        String files = fileA + " and " + fileB;
        // squared distances of points near 1e160 overflow: compute on samples scaled by a power of two (exact)
        Scaling scale = Scaling.of(a.points(), b.points());
        double[] pa = scale.apply(a.points());
        double[] pb = scale.apply(b.points());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("distance", k);
        result.put("n", a.n());
        result.put("m", b.n());
        result.put("d", a.d());
        if (!a.header().isEmpty()) {
            result.put("headerA", a.header()); // the first row was a header (every cell a name), not data
        }
        if (!b.header().isEmpty()) {
            result.put("headerB", b.header());
        }
        int n = a.n();
        int m = b.n();
        int d = a.d();
        AtomicLong done = new AtomicLong();
        switch (k) {
            case "w2", "emd" -> {
                double p = k.equals("w2") ? 2 : 1;
                double value;
                if (d == 1) {
                    value = Wasserstein1D.distance(pa, wa, pb, wb, p);
                    result.put("method", "sorted quantile functions (exact in 1-D)");
                } else {
                    Budget.exact(n, m, d).check(force, err);
                    double[] cost = p == 2 ? Costs.squaredEuclidean(pa, pb, d) : Costs.euclideanPower(pa, pb, d, 1);
                    ExactOTResult r;
                    Progress bar = bar(done, 30L * (n + m), k + " pivots");
                    try {
                        r = ExactOT.solve(wa, wb, cost, done);
                    } finally {
                        bar.close();
                    }
                    value = p == 2 ? Math.sqrt(Math.max(0, r.cost())) : r.cost();
                    result.put("method", "network simplex (exact)");
                    result.put("pivots", r.pivots());
                    if (plan != null) {
                        result.put("plan", PlanFile.write(plan, r.plan()));
                    }
                }
                result.put("value", Scaling.finite(k + " distance", scale.length(value), files));
                if (plan != null && a.d() == 1) {
                    result.put("plan", PlanFile.write(plan, PlanFile.monotone(a.points(), wa, b.points(), wb)));
                }
            }
            case "sliced-w2" -> {
                int l = projections == null ? DEFAULT_PROJECTIONS : projections;
                Budget.sliced(n, m, d, l).check(force, err);
                MonteCarloEstimate e;
                Progress bar = bar(done, l, "sliced-w2 directions");
                try {
                    e = SlicedWasserstein.squared(pa, wa, pb, wb, d, l, seed, done);
                } finally {
                    bar.close();
                }
                result.put("value", Scaling.finite("sliced W2 distance", scale.length(e.distance()), files));
                result.put("standardError", scale.length(e.distanceStandardError()));
                result.put("projections", l);
                result.put("seed", seed);
                result.put("method", "Monte Carlo over " + l + " uniform directions, each an exact 1-D W2 (sliced W2"
                        + " is a distance of its own, at most W2)");
            }
            case "sinkhorn" -> {
                Budget.sinkhorn(n, m, d).check(force, err);
                if (eps != null && (!(eps > 0) || !Double.isFinite(eps))) {
                    throw new ConfigurationException("--eps " + eps + " is not valid; expected a finite number > 0");
                }
                double[] cost = Costs.squaredEuclidean(pa, pb, d);
                double max = 0;
                for (double c : cost) {
                    max = Math.max(max, c);
                }
                double e = eps != null ? scale.toScaledArea(eps) : 1e-3 * Math.max(max, Double.MIN_NORMAL);
                if (!(e > 0) || !Double.isFinite(e)) {
                    throw new ConfigurationException("--eps " + eps + " is " + (e > 0 ? "too large" : "too small")
                            + " for these samples, whose largest squared distance is " + scale.area(max));
                }
                Sinkhorn solver = new Sinkhorn(e);
                if (maxIterations != null) {
                    solver = solver.withMaxIterations(maxIterations);
                }
                if (tolerance != null) {
                    solver = solver.withTolerance(tolerance);
                }
                if (floatKernel) {
                    solver = solver.withFloatKernel();
                }
                SinkhornResult r;
                Progress bar = bar(done, solver.maxIterations(), "sinkhorn iterations");
                try {
                    r = solver.solve(wa, wb, cost, done);
                } finally {
                    bar.close();
                }
                result.put("value", Scaling.finite("sinkhorn transport cost", scale.area(r.cost()), files));
                result.put("sqrtValue", scale.length(Math.sqrt(Math.max(0, r.cost()))));
                result.put("epsilon", scale.area(e));
                result.put("objective", scale.area(r.objective()));
                result.put("iterations", r.iterations());
                result.put("marginalError", r.marginalError());
                result.put("converged", r.converged());
                result.put("tolerance", solver.tolerance());
                result.put("maxIterations", solver.maxIterations());
                result.put("floatKernel", solver.floatKernel());
                if (plan != null) {
                    result.put("plan", PlanFile.write(plan, r.plan(), a.n(), b.n()));
                }
            }
            default -> {
                if (bandwidth != null && (!(bandwidth > 0) || !Double.isFinite(bandwidth))) {
                    throw new ConfigurationException("--bandwidth " + bandwidth + " is not valid; expected a finite"
                            + " number > 0");
                }
                double sigma = bandwidth != null ? scale.toScaledLength(bandwidth) : Mmd.medianBandwidth(pa, pb, d);
                if (!(sigma > 0) || !Double.isFinite(sigma)) {
                    throw new ConfigurationException("--bandwidth " + bandwidth + " is out of scale for these"
                            + " samples; give one near the distances between their points");
                }
                if (features == null) {
                    Budget.mmd(n, m, d).check(force, err);
                    double v;
                    Progress bar = bar(done, 2L * n + m, "mmd rows");
                    try {
                        v = Math.sqrt(Math.max(0, Mmd.squared(pa, wa, pb, wb, d, sigma, done)));
                    } finally {
                        bar.close();
                    }
                    result.put("value", v);
                    result.put("method", "Gaussian kernel, V-statistic");
                } else {
                    Budget.features(n, m, d, features).check(force, err);
                    MonteCarloEstimate e;
                    Progress bar = bar(done, features, "mmd features");
                    try {
                        e = RandomFeatureMmd.squared(pa, wa, pb, wb, d, sigma, features, seed, done);
                    } finally {
                        bar.close();
                    }
                    result.put("value", e.distance());
                    result.put("standardError", e.distanceStandardError());
                    result.put("features", features);
                    result.put("seed", seed);
                    result.put("method", "Gaussian kernel, " + features + " random Fourier features (an unbiased"
                            + " estimate of the V-statistic MMD^2)");
                }
                result.put("bandwidth", scale.length(sigma));
            }
        }
        if (!scale.isIdentity()) {
            int factor = -scale.exponent(); // the data were multiplied by 2^factor
            result.put("scaledBy", "2^" + factor + " (the samples' coordinates reach 2^"
                    + scale.exponent() + "; results are in the data's units)");
        }
        if (json) {
            out.println(RunCommand.json(result));
        } else {
            out.printf(Locale.ROOT, "%s(%s, %s) = %.10g%n", k, fileA, fileB, (Double) result.get("value"));
            result.forEach((key, v) -> {
                if (!List.of("distance", "value").contains(key)) {
                    out.println("  " + key + ": " + v);
                }
            });
        }
        out.flush();
        return 0;
    }

    /** The options of the plan, Sinkhorn's limits and the Gaussian inputs apply to some distances only. */
    private void checkNewOptions(String k) {
        if (floatKernel && !k.equals("sinkhorn")) {
            throw new ConfigurationException("--float-kernel applies to sinkhorn only");
        }
        if ((maxIterations != null || tolerance != null) && !k.equals("sinkhorn")) {
            throw new ConfigurationException((maxIterations != null ? "--max-iterations" : "--tolerance")
                    + " applies to sinkhorn only");
        }
        if (maxIterations != null && maxIterations < 1) {
            throw new ConfigurationException("--max-iterations " + maxIterations + " is not valid; expected a whole"
                    + " number >= 1");
        }
        if (tolerance != null && (!(tolerance >= 0) || !Double.isFinite(tolerance))) {
            throw new ConfigurationException("--tolerance " + tolerance + " is not valid; expected a finite number >="
                    + " 0 (a fraction of the mass)");
        }
        if (plan != null && !List.of("w2", "emd", "sinkhorn").contains(k)) {
            throw new ConfigurationException("--plan applies to w2, emd and sinkhorn (the distances with a transport"
                    + " plan), not to " + k);
        }
        if ((gaussianA || gaussianB) && !k.equals("gaussian")) {
            throw new ConfigurationException((gaussianA ? "--gaussian-a" : "--gaussian-b") + " applies to gaussian"
                    + " only");
        }
        if ((gaussianA && weightsA != null) || (gaussianB && weightsB != null)) {
            throw new ConfigurationException("--weights-" + (gaussianA && weightsA != null ? "a" : "b") + " weighs"
                    + " samples, but --gaussian-" + (gaussianA && weightsA != null ? "a" : "b") + " says the file"
                    + " holds a Gaussian's parameters");
        }
    }

    /** The closed-form W2 between two Gaussians, each from its parameters or a sample's moments. */
    private Integer gaussian() throws Exception {
        GaussianInput a = gaussianA ? GaussianInput.parameters(fileA) : moments(fileA, weightsA);
        GaussianInput b = gaussianB ? GaussianInput.parameters(fileB) : moments(fileB, weightsB);
        if (a.mean().length != b.mean().length) {
            throw new ConfigurationException(fileA + " gives a Gaussian in dimension " + a.mean().length + " but "
                    + fileB + " in dimension " + b.mean().length + "; both must live in the same space");
        }
        double squared;
        try {
            squared = GaussianW2.squared(a.mean(), a.covariance(), b.mean(), b.covariance());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("distance gaussian: " + e.getMessage() + " (a: " + a.source() + "; b: "
                    + b.source() + ")");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("distance", "gaussian");
        result.put("d", a.mean().length);
        result.put("value", Math.sqrt(squared));
        result.put("squared", squared);
        result.put("method", "closed form W2^2 = |m1 - m2|^2 + tr(S1 + S2 - 2 (S1^1/2 S2 S1^1/2)^1/2)"
                + " (Bures-Wasserstein)");
        result.put("a", a.source());
        result.put("b", b.source());
        print("gaussian", result);
        return 0;
    }

    private static GaussianInput moments(Path file, Path weightFile) {
        Cloud c = read(file);
        double[] w = weightFile == null ? uniform(c.n()) : weights(weightFile, c.n(), file);
        return GaussianInput.moments(c.points(), w, c.n(), c.d(), file);
    }

    private void print(String k, Map<String, Object> result) throws Exception {
        if (json) {
            out.println(RunCommand.json(result));
        } else {
            out.printf(Locale.ROOT, "%s(%s, %s) = %.10g%n", k, fileA, fileB, (Double) result.get("value"));
            result.forEach((key, v) -> {
                if (!List.of("distance", "value").contains(key)) {
                    out.println("  " + key + ": " + v);
                }
            });
        }
        out.flush();
    }

    private Progress bar(AtomicLong done, long total, String label) {
        return Progress.start(done::get, total, "distance " + label, err, Progress.wanted(false));
    }

    private static double[] uniform(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        return w;
    }

    /**
     * Reads n rows of d finite numbers with the one CSV reader ({@link CsvTable}: a header only when every cell of the
     * first row is a name, every other row parsed completely or refused with its line and column).
     */
    static Cloud read(Path file) {
        CsvTable t = CsvTable.read(file);
        return new Cloud(t.values(), t.rows(), t.columns(), t.header());
    }

    /** One finite non-negative weight per point, with a positive sum. */
    static double[] weights(Path file, int n, Path of) {
        Cloud c = read(file);
        if (c.d() != 1 || c.n() != n) {
            throw new ConfigurationException(file + " holds " + c.n() + " rows of " + c.d() + " numbers; the weights"
                    + " of " + of + " are " + n + " rows of one number each");
        }
        double max = 0;
        for (int i = 0; i < n; i++) {
            if (c.points()[i] < 0) {
                throw new ConfigurationException(file + " row " + (i + 1) + ": weight " + c.points()[i] + " is"
                        + " negative; weights must be >= 0");
            }
            max = Math.max(max, c.points()[i]);
        }
        if (!(max > 0)) {
            throw new ConfigurationException(file + ": every weight is 0; they need a positive sum");
        }
        // divided by the largest first, so that weights near 1e308 sum without overflow
        double[] w = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            w[i] = c.points()[i] / max;
            s += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= s;
        }
        return w;
    }
}
