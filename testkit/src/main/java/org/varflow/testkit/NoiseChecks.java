package org.varflow.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.varflow.api.Entropy;
import org.varflow.api.Metric;
import org.varflow.api.NoNoise;
import org.varflow.api.Noise;
import org.varflow.api.RandomStream;

/**
 * The check kit for noise authors (what {@code varflow check NOISE-ID} runs), with a metric and the temperature
 * taken from an entropy part, at seeded sample points. A noise that draws random numbers is Brownian and must balance
 * the dissipation (fluctuation-dissipation); one that draws none realises the entropy deterministically (a kernel
 * density score, a repulsion) and is checked for its temperature scaling only.
 *
 * <pre>
 *   increment covariance   M = 20000 increments at h = 0.01 and T = T_entropy (and 4 T_entropy): mean 0 and
 *     = 2 T h K            covariance 2 T h K, each entry within 5 standard errors, SE_ij^2 = (S_ii S_jj + S_ij^2)/M
 *                          for S = 2 T h K, plus 1e-9 |S|; deterministic noises: increment(4T) = 4 increment(T) to
 *                          1e-9 relative
 *   zero temperature       T = 0: nothing added
 *   Ito correction         (Brownian noises) addDriftCorrection = T div K with div K from central differences of K
 *     = T div K            (not from the metric's own divergence), to 1e-6 T max(1, |K|, |div K|)
 *   no allocation          addIncrement and addDriftCorrection, 200 calls after warm-up (a warning only)
 * </pre>
 */
public final class NoiseChecks {
    public static final String COVARIANCE_CHECK = "increment covariance = 2 T h K (fluctuation-dissipation)";
    public static final String ZERO_CHECK = "nothing added at T = 0";
    public static final String ITO_CHECK = "Ito correction = T div K by differences of K";
    public static final String ALLOCATION_CHECK = "addIncrement, addDriftCorrection allocate nothing";
    static final double H = 0.01;
    static final int DRAWS = 20_000;

    private NoiseChecks() {
    }

    /**
     * Every check of {@code noise} with {@code metric} at {@code points}, at the temperature of {@code entropy} at
     * t = 0 (1 when the entropy has none).
     */
    public static List<CheckResult> run(Noise noise, Metric metric, Entropy entropy, List<double[]> points,
                                        long seed) {
        double t0 = entropy == null ? 1 : entropy.temperatureAt(0);
        double temperature = t0 > 0 && Double.isFinite(t0) ? t0 : 1;
        List<CheckResult> out = new ArrayList<>();
        out.add(EnergyChecks.guard(COVARIANCE_CHECK, () -> covariance(noise, metric, temperature, points, seed)));
        out.add(EnergyChecks.guard(ZERO_CHECK, () -> zeroTemperature(noise, metric, points.get(0), seed)));
        out.add(EnergyChecks.guard(ITO_CHECK, () -> itoCorrection(noise, metric, temperature, points, seed)));
        out.add(EnergyChecks.guard(ALLOCATION_CHECK, () -> allocations(noise, metric, temperature,
                points.get(points.size() - 1), seed)));
        return out;
    }

    /** A seeded stream that counts what it hands out. */
    static final class CountingStream implements RandomStream {
        private final Random random;
        long draws;

        CountingStream(long seed) {
            this.random = new Random(seed);
        }

        @Override
        public double nextGaussian() {
            draws++;
            return random.nextGaussian();
        }

        @Override
        public double nextDouble() {
            draws++;
            return random.nextDouble();
        }
    }

    /** One increment from 0 at x. */
    static double[] increment(Noise noise, Metric metric, double[] x, double h, double temperature, RandomStream rng) {
        int d = x.length;
        double[] out = new double[d];
        noise.addIncrement(x, h, temperature, metric, rng, new double[2 * d], out);
        return out;
    }

    /** Whether the noise draws random numbers for one increment at x. */
    static boolean brownian(Noise noise, Metric metric, double[] x, double temperature, long seed) {
        CountingStream c = new CountingStream(seed);
        increment(noise, metric, x, H, temperature, c);
        return c.draws > 0;
    }

    public static CheckResult covariance(Noise noise, Metric metric, double temperature, List<double[]> points,
                                         long seed) {
        if (noise instanceof NoNoise) {
            return CheckResult.skip(COVARIANCE_CHECK, "no noise (NoNoise adds nothing)");
        }
        double[] x0 = points.get(0);
        if (!brownian(noise, metric, x0, temperature, seed)) {
            return deterministicScaling(noise, metric, temperature, points, seed);
        }
        int d = x0.length;
        if (d > 60) {
            return CheckResult.skip(COVARIANCE_CHECK, "d = " + d + " above 60 (d x d sample covariance)");
        }
        Worst worst = new Worst();
        int checked = 0;
        for (double[] x : points.subList(0, Math.min(2, points.size()))) {
            double[] k = MetricChecks.matrixOfK(metric, x);
            for (double temp : new double[] {temperature, 4 * temperature}) {
                CountingStream rng = new CountingStream(seed + 41 + checked++);
                double[] mean = new double[d];
                double[] c = new double[d * d];
                double[] out = new double[d];
                double[] work = new double[2 * d];
                for (int r = 0; r < DRAWS; r++) {
                    Arrays.fill(out, 0);
                    noise.addIncrement(x, H, temp, metric, rng, work, out);
                    for (int i = 0; i < d; i++) {
                        mean[i] += out[i];
                        for (int j = 0; j <= i; j++) {
                            c[i * d + j] += out[i] * out[j];
                        }
                    }
                }
                double scale = 0;
                double[] s = new double[d * d];
                for (int i = 0; i < d * d; i++) {
                    s[i] = 2 * temp * H * k[i];
                    scale = Math.max(scale, Math.abs(s[i]));
                }
                for (int i = 0; i < d; i++) {
                    double mu = mean[i] / DRAWS;
                    double seMean = Math.sqrt(Math.abs(s[i * d + i]) / DRAWS);
                    double allowedMean = 5 * seMean + 1e-9 * scale;
                    int coord = i;
                    double tt = temp;
                    worst.offer(Math.abs(mu) / Math.max(allowedMean, 1e-300), Math.abs(mu) <= allowedMean,
                            () -> Samples.at(x) + ", T = " + fmt(tt) + ": mean of coordinate " + (coord + 1) + " = "
                                    + fmt(mu) + " (standard error " + fmt(seMean) + ")");
                    for (int j = 0; j <= i; j++) {
                        double est = c[i * d + j] / DRAWS;
                        double expected = 0.5 * (s[i * d + j] + s[j * d + i]);
                        double se = Math.sqrt((Math.abs(s[i * d + i] * s[j * d + j]) + expected * expected) / DRAWS);
                        double allowed = 5 * se + 1e-9 * scale;
                        double err = Math.abs(est - expected);
                        int r = i;
                        int q = j;
                        worst.offer(err / Math.max(allowed, 1e-300), err <= allowed, () -> Samples.at(x) + ", T = "
                                + fmt(tt) + ": Cov_" + (r + 1) + "," + (q + 1) + " = " + fmt(est) + ", 2 T h K = "
                                + fmt(expected) + " (standard error " + fmt(se) + ")");
                    }
                }
            }
        }
        return CheckResult.of(COVARIANCE_CHECK, worst.ok(), "worst " + String.format(Locale.ROOT, "%.2f",
                worst.value()) + " of the allowed, T = " + fmt(temperature) + " and " + fmt(4 * temperature),
                "5 SE of " + DRAWS + " draws", worst.where());
    }

    /** A noise that draws nothing: its increment must scale with T (and not be zero unless it is NoNoise). */
    private static CheckResult deterministicScaling(Noise noise, Metric metric, double temperature,
                                                    List<double[]> points, long seed) {
        Worst worst = new Worst();
        boolean anything = false;
        for (double[] x : points.subList(0, Math.min(3, points.size()))) {
            double[] one = increment(noise, metric, x, H, temperature, new CountingStream(seed));
            double[] four = increment(noise, metric, x, H, 4 * temperature, new CountingStream(seed));
            double scale = Math.max(MetricChecks.maxAbs(four), 1e-300);
            anything |= MetricChecks.maxAbs(one) > 0;
            for (int i = 0; i < x.length; i++) {
                double err = Math.abs(four[i] - 4 * one[i]) / scale;
                int c = i;
                worst.offer(err, err <= 1e-9, () -> Samples.at(x) + ": coordinate " + (c + 1) + " moves "
                        + fmt(one[c]) + " at T = " + fmt(temperature) + " and " + fmt(four[c]) + " at 4 T");
            }
        }
        if (!anything) {
            return CheckResult.skip(COVARIANCE_CHECK, "draws no random numbers and adds nothing at T = "
                    + fmt(temperature) + " with this metric (a deterministic realisation such as h T div K vanishes"
                    + " for a constant K): nothing to compare");
        }
        return CheckResult.of(COVARIANCE_CHECK, worst.ok(), "draws no random numbers (a deterministic realisation of"
                + " the entropy): increment proportional to T, relative error " + MetricChecks.fmt(worst.value()),
                "1e-9", worst.where());
    }

    public static CheckResult zeroTemperature(Noise noise, Metric metric, double[] x, long seed) {
        double[] out = increment(noise, metric, x, H, 0, new CountingStream(seed));
        double[] drift = new double[x.length];
        noise.addDriftCorrection(x, 0, metric, new double[2 * x.length], drift);
        double m = Math.max(MetricChecks.maxAbs(out), MetricChecks.maxAbs(drift));
        return CheckResult.of(ZERO_CHECK, m == 0, "max |increment|, |correction| = " + MetricChecks.fmt(m), "0",
                Samples.at(x));
    }

    public static CheckResult itoCorrection(Noise noise, Metric metric, double temperature, List<double[]> points,
                                            long seed) {
        if (!(noise instanceof NoNoise) && !brownian(noise, metric, points.get(0), temperature, seed)) {
            return CheckResult.skip(ITO_CHECK, "a deterministic realisation of the entropy: no Ito correction");
        }
        Worst worst = new Worst();
        for (double[] x : points) {
            int d = x.length;
            double[] corr = new double[d];
            noise.addDriftCorrection(x, temperature, metric, new double[2 * d], corr);
            double[] fd = noise instanceof NoNoise ? new double[d] : divergenceByDifferences(metric, x);
            double scale = Math.max(1, Math.max(MetricChecks.maxAbs(MetricChecks.matrixOfK(metric, x)),
                    MetricChecks.maxAbs(fd)));
            for (int i = 0; i < d; i++) {
                double expected = temperature * fd[i];
                double err = Math.abs(corr[i] - expected) / (temperature * scale);
                int c = i;
                worst.offer(err, err <= 1e-6, () -> Samples.at(x) + ": coordinate " + (c + 1) + ": correction "
                        + fmt(corr[c]) + ", T div K by differences " + fmt(expected));
            }
        }
        return CheckResult.of(ITO_CHECK, worst.ok(), "relative error " + MetricChecks.fmt(worst.value()) + ", T = "
                + fmt(temperature), "1e-6 T max(1,|K|,|div K|)", worst.where());
    }

    /** div K by central differences of K (step 1e-5 max(1, |x_j|)): out_i = sum_j dK_ij / dx_j. */
    static double[] divergenceByDifferences(Metric m, double[] x) {
        int d = x.length;
        double[] fd = new double[d];
        double[] xp = x.clone();
        double[] e = new double[d];
        double[] plus = new double[d];
        double[] minus = new double[d];
        for (int j = 0; j < d; j++) {
            double eta = 1e-5 * Math.max(1, Math.abs(x[j]));
            e[j] = 1;
            xp[j] = x[j] + eta;
            m.raise(xp, e, plus);
            xp[j] = x[j] - eta;
            m.raise(xp, e, minus);
            xp[j] = x[j];
            e[j] = 0;
            for (int i = 0; i < d; i++) {
                fd[i] += (plus[i] - minus[i]) / (2 * eta);
            }
        }
        return fd;
    }

    public static CheckResult allocations(Noise noise, Metric metric, double temperature, double[] x, long seed) {
        int d = x.length;
        double[] out = new double[d];
        double[] work = new double[2 * d];
        CountingStream rng = new CountingStream(seed);
        long bytes = Allocations.allocatedBy(() -> {
            for (int r = 0; r < 200; r++) {
                noise.addIncrement(x, H, temperature, metric, rng, work, out);
                noise.addDriftCorrection(x, temperature, metric, work, out);
            }
        });
        if (bytes < 0) {
            return CheckResult.skip(ALLOCATION_CHECK, "this JVM cannot count allocations");
        }
        boolean ok = bytes < 200;
        return new CheckResult(ALLOCATION_CHECK, ok ? CheckResult.Status.PASS : CheckResult.Status.WARN, bytes
                + " bytes in 200 x 2 calls", "< 200 bytes (counter overhead); a warning only");
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
