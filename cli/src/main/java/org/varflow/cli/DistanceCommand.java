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
import org.varflow.api.ConfigurationException;
import org.varflow.ot.Costs;
import org.varflow.ot.ExactOT;
import org.varflow.ot.Mmd;
import org.varflow.ot.Sinkhorn;
import org.varflow.ot.SinkhornResult;
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
 *   <li>{@code mmd}: maximum mean discrepancy with a Gaussian kernel (bandwidth given or the median heuristic).</li>
 * </ul>
 */
@Command(name = "distance", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A distance between two samples: exact W2, exact W1 (emd), entropic OT (sinkhorn) or MMD.",
            "A.csv and B.csv hold one point per row (comma-separated coordinates, an optional header row);",
            "weights, if given, one non-negative number per row (normalised to mass one)."},
        footer = {"", "Examples:", "  varflow distance w2 run1.csv run2.csv",
            "  varflow distance sinkhorn a.csv b.csv --eps 0.01 --json",
            "  varflow distance emd a.csv b.csv --weights-a wa.txt --weights-b wb.txt",
            "  varflow distance mmd a.csv b.csv --bandwidth 0.5",
            "", "Exit codes: 0 success, 2 bad input (file, format, sizes, parameters)."})
final class DistanceCommand implements Callable<Integer> {
    /** Exact OT builds a dense n x m cost matrix: refuse sizes above this many entries. */
    static final long MAX_EXACT = 25_000_000L;

    private final PrintWriter out;

    @Parameters(index = "0", paramLabel = "KIND", description = "w2, emd, sinkhorn or mmd")
    String kind;

    @Parameters(index = "1", paramLabel = "A.csv", description = "the first sample") Path fileA;

    @Parameters(index = "2", paramLabel = "B.csv", description = "the second sample") Path fileB;

    @Option(names = "--weights-a", paramLabel = "FILE", description = "weights of A, one per row") Path weightsA;

    @Option(names = "--weights-b", paramLabel = "FILE", description = "weights of B, one per row") Path weightsB;

    @Option(names = "--eps", paramLabel = "E", description = "sinkhorn: the regularisation epsilon, absolute"
            + " (default: 1e-3 x the largest cost)") Double eps;

    @Option(names = "--bandwidth", paramLabel = "H", description = "mmd: the kernel bandwidth sigma (default: the"
            + " median pairwise distance)") Double bandwidth;

    @Option(names = "--json", description = "print the result as JSON") boolean json;

    @Inject
    DistanceCommand(@Stdout PrintWriter out) {
        this.out = out;
    }

    /** A point cloud read from CSV: n rows of d coordinates, row-major. */
    record Cloud(double[] points, int n, int d) {
    }

    @Override
    public Integer call() throws Exception {
        String k = kind.toLowerCase(Locale.ROOT);
        if (!List.of("w2", "emd", "sinkhorn", "mmd").contains(k)) {
            throw new ConfigurationException("unknown distance '" + kind + "'; expected one of [w2, emd, sinkhorn,"
                    + " mmd]");
        }
        Cloud a = read(fileA);
        Cloud b = read(fileB);
        if (a.d() != b.d()) {
            throw new ConfigurationException(fileA + " has points of dimension " + a.d() + " but " + fileB + " of"
                    + " dimension " + b.d() + "; both samples must live in the same space");
        }
        double[] wa = weightsA == null ? uniform(a.n()) : weights(weightsA, a.n(), fileA);
        double[] wb = weightsB == null ? uniform(b.n()) : weights(weightsB, b.n(), fileB);
        if (eps != null && !k.equals("sinkhorn")) {
            throw new ConfigurationException("--eps applies to sinkhorn only");
        }
        if (bandwidth != null && !k.equals("mmd")) {
            throw new ConfigurationException("--bandwidth applies to mmd only");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("distance", k);
        result.put("n", a.n());
        result.put("m", b.n());
        result.put("d", a.d());
        switch (k) {
            case "w2", "emd" -> {
                double p = k.equals("w2") ? 2 : 1;
                double value;
                if (a.d() == 1) {
                    value = Wasserstein1D.distance(a.points(), wa, b.points(), wb, p);
                    result.put("method", "sorted quantile functions (exact in 1-D)");
                } else {
                    checkExactSize(a.n(), b.n());
                    double[] cost = p == 2 ? Costs.squaredEuclidean(a.points(), b.points(), a.d())
                            : Costs.euclideanPower(a.points(), b.points(), a.d(), 1);
                    var r = ExactOT.solve(wa, wb, cost);
                    value = p == 2 ? Math.sqrt(Math.max(0, r.cost())) : r.cost();
                    result.put("method", "network simplex (exact)");
                    result.put("pivots", r.pivots());
                }
                result.put("value", value);
            }
            case "sinkhorn" -> {
                checkExactSize(a.n(), b.n());
                double[] cost = Costs.squaredEuclidean(a.points(), b.points(), a.d());
                double max = 0;
                for (double c : cost) {
                    max = Math.max(max, c);
                }
                double e = eps != null ? eps : 1e-3 * Math.max(max, Double.MIN_NORMAL);
                if (!(e > 0) || !Double.isFinite(e)) {
                    throw new ConfigurationException("--eps " + e + " is not valid; expected a finite number > 0");
                }
                SinkhornResult r = new Sinkhorn(e).solve(wa, wb, cost);
                result.put("value", r.cost());
                result.put("sqrtValue", Math.sqrt(Math.max(0, r.cost())));
                result.put("epsilon", e);
                result.put("objective", r.objective());
                result.put("iterations", r.iterations());
                result.put("marginalError", r.marginalError());
                result.put("converged", r.converged());
            }
            default -> {
                double sigma = bandwidth != null ? bandwidth : Mmd.medianBandwidth(a.points(), b.points(), a.d());
                if (!(sigma > 0) || !Double.isFinite(sigma)) {
                    throw new ConfigurationException("--bandwidth " + sigma + " is not valid; expected a finite"
                            + " number > 0");
                }
                result.put("value", Mmd.distance(a.points(), wa, b.points(), wb, a.d(), sigma));
                result.put("bandwidth", sigma);
                result.put("method", "Gaussian kernel, V-statistic");
            }
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

    private static void checkExactSize(int n, int m) {
        long entries = (long) n * m;
        long bytes = entries * Double.BYTES;
        if (entries > MAX_EXACT || bytes > Runtime.getRuntime().maxMemory() / 4) {
            throw new ConfigurationException("n x m = " + n + " x " + m + " = " + entries + " cost entries ("
                    + (bytes >> 20) + " MiB) is more than this command builds (" + MAX_EXACT + " entries, and a"
                    + " quarter of the JVM's " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB); subsample the"
                    + " data, or use mmd");
        }
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
        return new Cloud(t.values(), t.rows(), t.columns());
    }

    /** One finite non-negative weight per point, with a positive sum. */
    static double[] weights(Path file, int n, Path of) {
        Cloud c = read(file);
        if (c.d() != 1 || c.n() != n) {
            throw new ConfigurationException(file + " holds " + c.n() + " rows of " + c.d() + " numbers; the weights"
                    + " of " + of + " are " + n + " rows of one number each");
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            if (c.points()[i] < 0) {
                throw new ConfigurationException(file + " row " + (i + 1) + ": weight " + c.points()[i] + " is"
                        + " negative; weights must be >= 0");
            }
            s += c.points()[i];
        }
        if (!(s > 0)) {
            throw new ConfigurationException(file + ": the weights sum to " + s + "; they need a positive sum");
        }
        double[] w = c.points().clone();
        for (int i = 0; i < n; i++) {
            w[i] /= s;
        }
        return w;
    }
}
