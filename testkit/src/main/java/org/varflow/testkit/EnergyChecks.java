package org.varflow.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.varflow.api.BlockGradient;
import org.varflow.api.Energy;
import org.varflow.api.FiniteSumEnergy;

/**
 * The check kit for energy authors (what {@code varflow check ENERGY-ID} runs), at seeded sample points of the space
 * ({@link Samples}). With eps = 2.2e-16 and eta_j = s max(1, |x_j|) for the steps s = 1e-4, 1e-5, 1e-6:
 *
 * <pre>
 *   gradient              |g_j - (E(x + eta e_j) - E(x - eta e_j)) / 2 eta| &lt;= 1e-6 max(1, |g|) + 100 eps |E| / eta
 *                         for the best of the three steps (central differences err by eta^2 E'''/6 + eps |E| / eta:
 *                         the best step is near 1e-5, and the minimum over three steps keeps a kink of a piecewise
 *                         smooth energy from failing a correct gradient); at most 50 components per point (seeded)
 *   valueAndGradient      = value and gradient, to 1e-10 max(1, |E|) and 1e-10 max(1, |g|)
 *   Hessian (if given)    H_ij = differences of g_i along e_j, to 1e-5 max(1, |H|) + 100 eps |g| / eta, H symmetric
 *                         to 1e-8 max(1, |H|); not checked when the energy keeps the default (itself differences)
 *   block gradients       (a {@link BlockGradient}) the gradients of all the points in one call, bitwise equal to
 *                         gradient point by point
 *   finite sum            dr + sum_i df_i = dE to 1e-10 (the sum's scale), each term's gradient against differences
 *                         of its value (3 terms, seeded), and E - sum_i f_i has the gradient dr (differences)
 *   thread safety         4 threads started together, 0.2 s each over the points: every value and gradient bitwise
 *                         equal to the sequential ones (a shared scratch array shows up as a mismatch; a race
 *                         that never strikes in 0.2 s is not seen)
 *   no allocation         value, gradient, valueAndGradient: 200 calls after warm-up (a warning only)
 * </pre>
 */
public final class EnergyChecks {
    static final double EPS = 2.220446049250313e-16;
    static final double GRADIENT = 1e-6;
    static final double CONSISTENT = 1e-10;
    static final double HESSIAN = 1e-5;
    static final int COMPONENTS = 50;

    public static final String GRADIENT_CHECK = "gradient = finite differences of E";
    public static final String FUSED_CHECK = "valueAndGradient = value, gradient";
    public static final String HESSIAN_CHECK = "Hessian = finite differences of the gradient";
    public static final String BLOCK_CHECK = "gradients of a run = gradient, point by point";
    public static final String FINITE_SUM_CHECK = "finite sum: the terms add up to the whole";
    public static final String THREADS_CHECK = "shared instance thread-safe";
    public static final String ALLOCATION_CHECK = "value, gradient allocate nothing";

    private EnergyChecks() {
    }

    /**
     * Every check of {@code energy} at those of {@code points} where E is finite (an energy may be +infinity or
     * undefined outside its domain: a descent time above the start, a Rayleigh quotient at 0); when E is finite at
     * none of them there is nothing to check (one SKIP saying so: choose a space that starts inside the domain).
     */
    public static List<CheckResult> run(Energy energy, List<double[]> all, long seed) {
        List<CheckResult> out = new ArrayList<>();
        List<double[]> points;
        try {
            points = domain(energy, all);
        } catch (RuntimeException e) {
            out.add(new CheckResult(GRADIENT_CHECK, CheckResult.Status.FAIL, "threw " + e, "no exception"));
            return out;
        }
        if (points.isEmpty()) {
            out.add(CheckResult.skip(GRADIENT_CHECK, "E is not finite at any of the " + all.size() + " sample points"
                    + " (E = " + energy.value(all.get(0)) + " at " + Samples.at(all.get(0)) + "): this space's states"
                    + " are outside the energy's domain; start it inside"));
            return out;
        }
        if (points.size() < all.size()) {
            out.add(new CheckResult("sample points in the energy's domain", CheckResult.Status.PASS, points.size()
                    + " of " + all.size() + " (E infinite or NaN at the others)", "at least one"));
        }
        out.add(guard(GRADIENT_CHECK, () -> gradient(energy, points, seed)));
        out.add(guard(FUSED_CHECK, () -> valueAndGradient(energy, points)));
        out.add(guard(HESSIAN_CHECK, () -> hessian(energy, points, seed)));
        if (energy instanceof BlockGradient block) {
            out.add(guard(BLOCK_CHECK, () -> blockGradients(block, points)));
        }
        if (energy instanceof FiniteSumEnergy sum) {
            out.add(guard(FINITE_SUM_CHECK, () -> finiteSum(sum, points, seed)));
        }
        out.add(guard(THREADS_CHECK, () -> threadSafety(energy, points)));
        out.add(guard(ALLOCATION_CHECK, () -> allocations(energy, points.get(points.size() - 1))));
        return out;
    }

    /** The points where E is finite. */
    public static List<double[]> domain(Energy energy, List<double[]> points) {
        List<double[]> out = new ArrayList<>();
        for (double[] x : points) {
            if (Double.isFinite(energy.value(x))) {
                out.add(x);
            }
        }
        return out;
    }

    static CheckResult guard(String name, Supplier<CheckResult> check) {
        try {
            return check.get();
        } catch (RuntimeException | AssertionError e) {
            return new CheckResult(name, CheckResult.Status.FAIL, "threw " + e, "no exception");
        }
    }

    /** Two checks computed together: both fail, naming the exception, when the computation throws. */
    static CheckResult[] guardPair(String first, String second, Supplier<CheckResult[]> checks) {
        try {
            return checks.get();
        } catch (RuntimeException | AssertionError e) {
            return new CheckResult[] {new CheckResult(first, CheckResult.Status.FAIL, "threw " + e, "no exception"),
                new CheckResult(second, CheckResult.Status.FAIL, "threw " + e, "no exception")};
        }
    }

    /** The components to differentiate at one point: all, or 50 chosen at random (seeded). */
    static int[] components(int d, Random rnd) {
        if (d <= COMPONENTS) {
            int[] all = new int[d];
            for (int i = 0; i < d; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] pick = new int[COMPONENTS];
        java.util.BitSet taken = new java.util.BitSet(d);
        for (int k = 0; k < COMPONENTS; k++) {
            int j;
            do {
                j = rnd.nextInt(d);
            } while (taken.get(j));
            taken.set(j);
            pick[k] = j;
        }
        return pick;
    }

    public static CheckResult gradient(Energy energy, List<double[]> points, long seed) {
        return gradientOf(GRADIENT_CHECK, x -> energy.value(x), energy::gradient, points, seed);
    }

    /** A scalar function of a state. */
    interface Scalar {
        double at(double[] x);
    }

    /** A vector function of a state, written into {@code out}. */
    interface Vector {
        void at(double[] x, double[] out);
    }

    /** g against central differences of f, per component, the best of three steps. */
    static CheckResult gradientOf(String name, Scalar f, Vector g, List<double[]> points, long seed) {
        Random rnd = new Random(seed + 11);
        Worst worst = new Worst();
        for (double[] x : points) {
            int d = x.length;
            double[] grad = new double[d];
            g.at(x, grad);
            double e = f.at(x);
            double scale = Math.max(1, MetricChecks.maxAbs(grad));
            double[] xp = x.clone();
            for (int j : components(d, rnd)) {
                double bestError = Double.POSITIVE_INFINITY;
                double bestFd = Double.NaN;
                double bestAllowed = 0;
                for (double s : new double[] {1e-5, 1e-4, 1e-6}) {
                    double eta = s * Math.max(1, Math.abs(x[j]));
                    xp[j] = x[j] + eta;
                    double plus = f.at(xp);
                    xp[j] = x[j] - eta;
                    double minus = f.at(xp);
                    xp[j] = x[j];
                    double fd = (plus - minus) / (2 * eta);
                    double allowed = GRADIENT * scale
                            + 100 * EPS * Math.max(Math.abs(e), Math.max(Math.abs(plus), Math.abs(minus))) / eta;
                    double err = Math.abs(grad[j] - fd);
                    if (err - allowed < bestError - bestAllowed || Double.isNaN(bestFd)) {
                        bestError = err;
                        bestFd = fd;
                        bestAllowed = allowed;
                    }
                }
                double fd = bestFd;
                int comp = j;
                worst.offer(bestError / scale, bestError <= bestAllowed, () -> Samples.at(x) + ", component "
                        + (comp + 1) + ": gradient " + String.format(java.util.Locale.ROOT, "%.8g", grad[comp])
                        + ", differences " + String.format(java.util.Locale.ROOT, "%.8g", fd));
            }
        }
        return CheckResult.of(name, worst.ok(), "relative error " + MetricChecks.fmt(worst.value()),
                "1e-6 max(1,|g|) + rounding 100 eps |E|/eta", worst.where());
    }

    public static CheckResult valueAndGradient(Energy energy, List<double[]> points) {
        Worst worst = new Worst();
        for (double[] x : points) {
            int d = x.length;
            double[] g = new double[d];
            double[] g2 = new double[d];
            energy.gradient(x, g);
            double v = energy.value(x);
            double v2 = energy.valueAndGradient(x, g2);
            double ev = Math.abs(v - v2) / Math.max(1, Math.abs(v));
            double eg = 0;
            int at = 0;
            double gs = Math.max(1, MetricChecks.maxAbs(g));
            for (int i = 0; i < d; i++) {
                double r = Math.abs(g[i] - g2[i]) / gs;
                if (!(r <= eg)) {
                    eg = r;
                    at = i;
                }
            }
            double r = Math.max(ev, eg);
            int i = at;
            boolean valueWorse = !(ev < eg);
            worst.offer(r, r <= CONSISTENT, () -> Samples.at(x) + (valueWorse ? ": value " + v
                    + ", valueAndGradient returns " + v2 : ": gradient component " + (i + 1) + " = " + g[i]
                    + ", valueAndGradient writes " + g2[i]));
        }
        return CheckResult.of(FUSED_CHECK, worst.ok(), "relative difference " + MetricChecks.fmt(worst.value()),
                "1e-10 max(1,|E|), 1e-10 max(1,|g|)", worst.where());
    }

    /** {@link BlockGradient#gradients} of all the points (one after another) against gradient at each, bitwise. */
    public static CheckResult blockGradients(BlockGradient energy, List<double[]> points) {
        int d = points.get(0).length;
        int n = points.size();
        double[] xs = new double[n * d];
        for (int p = 0; p < n; p++) {
            System.arraycopy(points.get(p), 0, xs, p * d, d);
        }
        double[] all = new double[n * d];
        energy.gradients(xs, n, d, all);
        double[] g = new double[d];
        for (int p = 0; p < n; p++) {
            double[] x = points.get(p);
            energy.gradient(x, g);
            for (int i = 0; i < d; i++) {
                if (Double.doubleToLongBits(g[i]) != Double.doubleToLongBits(all[p * d + i])) {
                    return CheckResult.of(BLOCK_CHECK, false, "component " + (i + 1) + " of point " + (p + 1) + ": "
                            + all[p * d + i] + " against " + g[i], "bitwise equal", Samples.at(x));
                }
            }
        }
        return CheckResult.of(BLOCK_CHECK, true, "identical at " + n + " points", "bitwise equal", "");
    }

    /** Whether the energy overrides {@link Energy#hessian} (else it is differences of the gradient already). */
    static boolean givesHessian(Energy energy) {
        try {
            return energy.getClass().getMethod("hessian", double[].class, double[].class).getDeclaringClass()
                    != Energy.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    public static CheckResult hessian(Energy energy, List<double[]> points, long seed) {
        if (!givesHessian(energy)) {
            return CheckResult.skip(HESSIAN_CHECK, "not given (the default differentiates the gradient)");
        }
        Random rnd = new Random(seed + 13);
        Worst worst = new Worst();
        double asymmetry = 0;
        for (double[] x : points) {
            int d = x.length;
            if (d > 300) {
                return CheckResult.skip(HESSIAN_CHECK, "d = " + d + " above 300 (d x d)");
            }
            double[] h = new double[d * d];
            energy.hessian(x, h);
            double[] g = new double[d];
            energy.gradient(x, g);
            double scale = Math.max(1, MetricChecks.maxAbs(h));
            double gs = MetricChecks.maxAbs(g);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    double a = Math.abs(h[i * d + j] - h[j * d + i]) / scale;
                    asymmetry = Math.max(asymmetry, a);
                    if (!(a <= 1e-8)) {
                        int r = i;
                        int c = j;
                        worst.offer(a, false, () -> Samples.at(x) + ": H_" + (r + 1) + "," + (c + 1) + " = "
                                + h[r * d + c] + " but H_" + (c + 1) + "," + (r + 1) + " = " + h[c * d + r]);
                    }
                }
            }
            double[] xp = x.clone();
            double[] gp = new double[d];
            double[] gm = new double[d];
            for (int j : components(d, rnd)) {
                double[] best = null;
                double bestExcess = Double.POSITIVE_INFINITY;
                for (double s : new double[] {1e-5, 1e-4, 1e-6}) {
                    double eta = s * Math.max(1, Math.abs(x[j]));
                    xp[j] = x[j] + eta;
                    energy.gradient(xp, gp);
                    xp[j] = x[j] - eta;
                    energy.gradient(xp, gm);
                    xp[j] = x[j];
                    double allowed = HESSIAN * scale + 100 * EPS * Math.max(gs, 1e-300) / eta;
                    double err = 0;
                    int row = 0;
                    for (int i = 0; i < d; i++) {
                        double fd = (gp[i] - gm[i]) / (2 * eta);
                        double e = Math.abs(h[i * d + j] - fd);
                        if (!(e <= err)) {
                            err = e;
                            row = i;
                        }
                    }
                    if (best == null || err - allowed < bestExcess) {
                        bestExcess = err - allowed;
                        best = new double[] {err, row, (gp[row] - gm[row]) / (2 * eta)};
                    }
                }
                double[] b = best;
                int c = j;
                worst.offer(best[0] / scale, bestExcess <= 0, () -> Samples.at(x) + ": H_" + ((int) b[1] + 1) + ","
                        + (c + 1) + " = " + h[((int) b[1]) * d + c] + ", differences " + b[2]);
            }
        }
        return CheckResult.of(HESSIAN_CHECK, worst.ok(), "relative error " + MetricChecks.fmt(worst.value())
                + ", asymmetry " + MetricChecks.fmt(asymmetry), "1e-5 max(1,|H|) + rounding; symmetric to 1e-8",
                worst.where());
    }

    public static CheckResult finiteSum(FiniteSumEnergy energy, List<double[]> points, long seed) {
        Random rnd = new Random(seed + 17);
        int n = energy.terms();
        double worst = 0;
        boolean ok = true;
        String where = "";
        for (double[] x : points) {
            int d = x.length;
            double[] g = new double[d];
            energy.gradient(x, g);
            double[] sum = new double[d];
            energy.regularizerGradient(x, sum);
            double[] one = new double[d];
            double magnitude = Math.max(1, MetricChecks.maxAbs(sum));
            for (int i = 0; i < n; i++) {
                java.util.Arrays.fill(one, 0);
                energy.addTermGradient(i, x, 1, one);
                magnitude = Math.max(magnitude, MetricChecks.maxAbs(one));
                energy.addTermGradient(i, x, 1, sum);
            }
            double tol = CONSISTENT * magnitude * Math.max(1, n / 10.0);
            for (int j = 0; j < d; j++) {
                double e = Math.abs(sum[j] - g[j]);
                double r = e / magnitude;
                if (!(e <= tol)) {
                    if (ok) {
                        where = Samples.at(x) + ": component " + (j + 1) + ": dr + sum df_i = " + sum[j]
                                + ", gradient " + g[j];
                    }
                    ok = false;
                }
                worst = Math.max(worst, Double.isNaN(r) ? Double.POSITIVE_INFINITY : r);
            }
        }
        // each of three terms: its gradient against differences of its value
        List<double[]> few = points.subList(0, Math.min(3, points.size()));
        for (int k = 0; k < Math.min(3, n) && ok; k++) {
            int i = k == 0 ? 0 : k == 1 ? n - 1 : rnd.nextInt(n);
            final int term = i;
            CheckResult t = gradientOf(FINITE_SUM_CHECK, x -> energy.termValue(term, x), (x, out) -> {
                java.util.Arrays.fill(out, 0);
                energy.addTermGradient(term, x, 1, out);
            }, few, seed + k);
            if (t.failed()) {
                ok = false;
                where = "term " + (term + 1) + " of " + n + ": its gradient is not that of its value, " + t.where();
            }
        }
        // E - sum f_i is the regulariser: its differences must be dr
        if (ok) {
            CheckResult r = gradientOf(FINITE_SUM_CHECK, x -> {
                double s = energy.value(x);
                for (int i = 0; i < n; i++) {
                    s -= energy.termValue(i, x);
                }
                return s;
            }, energy::regularizerGradient, few, seed + 5);
            if (r.failed()) {
                ok = false;
                where = "E - sum f_i does not have the gradient regularizerGradient: " + r.where();
            }
        }
        return CheckResult.of(FINITE_SUM_CHECK, ok, n + " terms, relative difference " + MetricChecks.fmt(worst),
                "1e-10 of the terms' scale; term and regulariser gradients as the gradient check", where);
    }

    public static CheckResult threadSafety(Energy energy, List<double[]> points) {
        int m = points.size();
        int d = points.get(0).length;
        double[] values = new double[m];
        double[][] grads = new double[m][d];
        for (int k = 0; k < m; k++) {
            values[k] = energy.value(points.get(k));
            energy.gradient(points.get(k), grads[k]);
        }
        int threads = 4;
        long budget = 200_000_000L; // 0.2 s of calls per thread, at least 20 rounds: the threads overlap
        AtomicReference<String> mismatch = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            final int offset = w;
            Thread t = new Thread(() -> {
                double[] g = new double[d];
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long start = System.nanoTime();
                for (int r = 0; (r < 20 || System.nanoTime() - start < budget) && r < 1_000_000
                        && mismatch.get() == null; r++) {
                    total.incrementAndGet();
                    int k = (r + offset) % m;
                    double[] x = points.get(k);
                    double v = energy.value(x);
                    energy.gradient(x, g);
                    if (Double.doubleToLongBits(v) != Double.doubleToLongBits(values[k])) {
                        mismatch.compareAndSet(null, Samples.at(x) + ": value " + values[k] + " alone, " + v
                                + " with 4 threads");
                    }
                    for (int i = 0; i < d; i++) {
                        if (Double.doubleToLongBits(g[i]) != Double.doubleToLongBits(grads[k][i])) {
                            mismatch.compareAndSet(null, Samples.at(x) + ": gradient component " + (i + 1) + " "
                                    + grads[k][i] + " alone, " + g[i] + " with 4 threads");
                            break;
                        }
                    }
                }
            }, "energy-check-" + w);
            workers.add(t);
        }
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        workers.forEach(t -> t.setUncaughtExceptionHandler((th, e) -> thrown.compareAndSet(null, e)));
        workers.forEach(Thread::start);
        go.countDown();
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CheckResult.skip(THREADS_CHECK, "interrupted");
            }
        }
        if (thrown.get() != null) {
            return new CheckResult(THREADS_CHECK, CheckResult.Status.FAIL, "threw " + thrown.get()
                    + " with 4 threads", "no exception");
        }
        boolean ok = mismatch.get() == null;
        return CheckResult.of(THREADS_CHECK, ok, ok ? threads + " threads, " + total.get() + " calls: identical"
                : "results differ between threads", "bitwise equal to the sequential results", mismatch.get());
    }

    public static CheckResult allocations(Energy energy, double[] x) {
        int d = x.length;
        double[] g = new double[d];
        long bytes = Allocations.allocatedBy(() -> {
            for (int r = 0; r < 200; r++) {
                energy.value(x);
                energy.gradient(x, g);
                energy.valueAndGradient(x, g);
            }
        });
        if (bytes < 0) {
            return CheckResult.skip(ALLOCATION_CHECK, "this JVM cannot count allocations");
        }
        boolean ok = bytes < 200;
        return new CheckResult(ALLOCATION_CHECK, ok ? CheckResult.Status.PASS : CheckResult.Status.WARN, bytes
                + " bytes in 200 x 3 calls", "< 200 bytes (counter overhead); a warning only");
    }
}
