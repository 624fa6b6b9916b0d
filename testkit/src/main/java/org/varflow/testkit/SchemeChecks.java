package org.varflow.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleFunction;
import org.varflow.api.ConvergenceOrder;
import org.varflow.api.Flow;
import org.varflow.api.Parameters;
import org.varflow.api.RandomStream;
import org.varflow.api.Scheme;
import org.varflow.api.SchemeFactory;

/**
 * The check kit for scheme authors (what {@code varflow check SCHEME-ID} runs): the order the scheme states
 * ({@link SchemeFactory#order()}), measured by refining h on a test problem to t = 1.
 *
 * <pre>
 *   deterministic order p   e(N) = max_i |x_N - x(1)|_i / (1 + |x(1)|), N = 8, 16, 32, 64 steps; x(1) exact, or
 *                           classical Runge-Kutta on the flow's drift with 4096 steps (error ~ 1e-13). Passes when
 *                           the order fitted to the two finest steps, log2 e(32)/e(64), is &gt;= p - 0.2, or every
 *                           error is at the floor 1e-9 (adaptive schemes hold their error at their tolerance)
 *   strong order q          on Ornstein-Uhlenbeck (additive noise, T = 1/2): 4000 paths, each driven at N = 4 ... 32
 *                           steps by the sums of the 512 Gaussian increments that drive its reference (the kit's own
 *                           Euler-Maruyama at 512 steps with the flow's drift, noise and temperature, error h/16 of the
 *                           finest); e(N) = mean |X_N - X_ref|; fitted order (least squares over the levels whose
 *                           error is above 3 standard errors) &gt;= q - 0.25
 *   weak order r            the same paths: e(N) = |mean(|X_N|^2 - |X_ref|^2)|, &gt;= r - 0.3
 *   reproducible            two steppers from the same seed take bitwise the same 20 steps of 1e-3
 *   block steps             (a {@link Scheme.BlockStepper}) 20 steps of 7 particles by stepBlock, the run cut in two
 *                           calls, bitwise equal to the same steps taken particle by particle from the same seed
 *   no allocation           the steps of one particle, after warm-up (a warning only)
 * </pre>
 *
 * The strong and weak checks couple the scheme to the reference through its random stream: each call of
 * {@code nextGaussian()} must be one coordinate of one step's Brownian increment, in coordinate order, as
 * {@link org.varflow.api.ThermalNoise} draws them; a scheme that draws otherwise is reported (SKIP).
 */
public final class SchemeChecks {
    public static final String ORDER_CHECK = "stated order (deterministic)";
    public static final String STRONG_CHECK = "stated strong order";
    public static final String WEAK_CHECK = "stated weak order";
    public static final String REPRODUCIBLE_CHECK = "reproducible: same seed, same steps";
    public static final String ALLOCATION_CHECK = "steps allocate nothing";
    public static final String BLOCK_CHECK = "stepBlock = step, particle by particle";
    static final int[] LEVELS = {8, 16, 32, 64};
    static final int[] STOCHASTIC_LEVELS = {4, 8, 16, 32};
    static final int FINE = 512;
    static final int PATHS = 4000;
    static final double FLOOR = 1e-9;

    private SchemeChecks() {
    }

    /**
     * Every check of the scheme made by {@code factory} with {@code parameters}: its deterministic order on
     * {@code deterministic} (exact flow {@code exact}, or null for Runge-Kutta on the drift), its stochastic orders on
     * {@code stochastic} (null: not checked).
     */
    public static List<CheckResult> run(SchemeFactory factory, Parameters parameters, Flow deterministic,
                                        DoubleFunction<double[]> exact, Flow stochastic, long seed) {
        List<CheckResult> out = new ArrayList<>();
        ConvergenceOrder claim = factory.order();
        if (claim.deterministic() > 0 && deterministic != null) {
            out.add(EnergyChecks.guard(ORDER_CHECK, () -> order(factory, parameters, deterministic, exact,
                    claim.deterministic(), seed)));
        } else {
            out.add(CheckResult.skip(ORDER_CHECK, claim.deterministic() > 0 ? "no deterministic test flow"
                    : "states no deterministic order (SchemeFactory.order())"));
        }
        if ((claim.strong() > 0 || claim.weak() > 0) && stochastic != null) {
            CheckResult[] sw = EnergyChecks.guardPair(STRONG_CHECK, WEAK_CHECK, () -> stochasticOrders(factory,
                    parameters, stochastic, claim, seed));
            out.add(sw[0]);
            out.add(sw[1]);
        } else if (claim.strong() > 0 || claim.weak() > 0) {
            out.add(CheckResult.skip(STRONG_CHECK, "no stochastic test flow"));
            out.add(CheckResult.skip(WEAK_CHECK, "no stochastic test flow"));
        }
        Flow any = stochastic != null ? stochastic : deterministic;
        if (any != null) {
            out.add(EnergyChecks.guard(REPRODUCIBLE_CHECK, () -> reproducible(factory, parameters, any, seed)));
            if (factory.create(parameters, any).stepper(any) instanceof Scheme.BlockStepper) {
                out.add(EnergyChecks.guard(BLOCK_CHECK, () -> blockSteps(factory, parameters, any, seed)));
            }
            out.add(EnergyChecks.guard(ALLOCATION_CHECK, () -> allocations(factory, parameters, any, seed)));
        }
        return out;
    }

    /** A seeded stream. */
    static RandomStream stream(long seed) {
        Random r = new Random(seed);
        return new RandomStream() {
            @Override
            public double nextGaussian() {
                return r.nextGaussian();
            }

            @Override
            public double nextDouble() {
                return r.nextDouble();
            }
        };
    }

    /** x after n steps of length 1/n from the initial state. */
    static double[] integrate(Scheme scheme, Flow flow, int n, double end, RandomStream rng) {
        Scheme.Stepper stepper = scheme.stepper(flow);
        double[] x = flow.space().initialState();
        double[] aux = new double[scheme.auxiliaryDimension(flow)];
        double h = end / n;
        StepCursor at = new StepCursor(h);
        for (int k = 0; k < n; k++) {
            stepper.step(x, aux, at.moveTo(k), rng);
        }
        return x;
    }

    /**
     * The kit's Euler-Maruyama, independent of the scheme under test: x = R_x(h b(x, t) + noise increment), b the
     * flow's drift with its Ito correction, the increment the flow's noise at the entropy's temperature T(t).
     */
    static double[] referenceEulerMaruyama(Flow flow, int n, double end, RandomStream rng) {
        int d = flow.dimension();
        double[] x = flow.space().initialState();
        double[] g = new double[d];
        double[] w = new double[2 * d];
        double[] v = new double[d];
        double[] y = new double[d];
        double h = end / n;
        for (int k = 0; k < n; k++) {
            double t = k * h;
            flow.drift(x, t, g, w, v);
            for (int i = 0; i < d; i++) {
                v[i] *= h;
            }
            flow.noise().addIncrement(x, h, flow.temperature(t), flow.metric(), rng, w, v);
            flow.metric().retract(x, v, y);
            System.arraycopy(y, 0, x, 0, d);
        }
        return x;
    }

    /** Classical Runge-Kutta on x' = b(x, t) (the flow's deterministic drift), in coordinates. */
    public static double[] rungeKutta(Flow flow, int n, double end) {
        int d = flow.dimension();
        double[] x = flow.space().initialState();
        double[] g = new double[d];
        double[] w = new double[2 * d];
        double[][] k = new double[4][d];
        double[] y = new double[d];
        double h = end / n;
        for (int s = 0; s < n; s++) {
            double t = s * h;
            flow.drift(x, t, g, w, k[0]);
            for (int i = 0; i < d; i++) {
                y[i] = x[i] + 0.5 * h * k[0][i];
            }
            flow.drift(y, t + h / 2, g, w, k[1]);
            for (int i = 0; i < d; i++) {
                y[i] = x[i] + 0.5 * h * k[1][i];
            }
            flow.drift(y, t + h / 2, g, w, k[2]);
            for (int i = 0; i < d; i++) {
                y[i] = x[i] + h * k[2][i];
            }
            flow.drift(y, t + h, g, w, k[3]);
            for (int i = 0; i < d; i++) {
                x[i] += h / 6 * (k[0][i] + 2 * k[1][i] + 2 * k[2][i] + k[3][i]);
            }
        }
        return x;
    }

    public static CheckResult order(SchemeFactory factory, Parameters parameters, Flow flow,
                                    DoubleFunction<double[]> exact, double claim, long seed) {
        Scheme scheme = factory.create(parameters, flow);
        double[] ref = exact != null ? exact.apply(1.0) : rungeKutta(flow, 4096, 1.0);
        double refScale = 1 + MetricChecks.maxAbs(ref);
        double[] errors = new double[LEVELS.length];
        for (int j = 0; j < LEVELS.length; j++) {
            double[] x = integrate(scheme, flow, LEVELS[j], 1.0, stream(seed));
            double e = 0;
            for (int i = 0; i < x.length; i++) {
                e = Math.max(e, Math.abs(x[i] - ref[i]));
            }
            errors[j] = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e / refScale;
        }
        String figures = "errors " + list(errors) + " at N = " + Arrays.toString(LEVELS);
        int n = errors.length;
        if (errors[n - 1] <= FLOOR && errors[n - 2] <= FLOOR) {
            return CheckResult.of(ORDER_CHECK, true, "at the floor: " + figures, "order >= " + fmtOrder(claim - 0.2)
                    + " or errors <= 1e-9", "");
        }
        double fitted = Math.log(errors[n - 2] / errors[n - 1]) / Math.log(2);
        boolean ok = fitted >= claim - 0.2;
        return CheckResult.of(ORDER_CHECK, ok, "order " + fmtOrder(fitted) + " (stated " + fmtOrder(claim) + ")",
                "order >= " + fmtOrder(claim - 0.2), figures);
    }

    /** Strong and weak orders from the same coupled paths. */
    static CheckResult[] stochasticOrders(SchemeFactory factory, Parameters parameters, Flow flow,
                                          ConvergenceOrder claim, long seed) {
        Scheme scheme = factory.create(parameters, flow);
        int d = flow.dimension();
        int levels = STOCHASTIC_LEVELS.length;
        double[] strongSum = new double[levels];
        double[] strongSq = new double[levels];
        double[] weakSum = new double[levels];
        double[] weakSq = new double[levels];
        Random random = new Random(seed + 53);
        double[] fine = new double[FINE * d];
        Coupled coupled = new Coupled(fine, d);
        double extra = 0;
        for (int p = 0; p < PATHS; p++) {
            for (int i = 0; i < fine.length; i++) {
                fine[i] = random.nextGaussian();
            }
            coupled.level(FINE);
            double[] ref = referenceEulerMaruyama(flow, FINE, 1.0, coupled);
            double fr = 0;
            for (double v : ref) {
                fr += v * v;
            }
            for (int j = 0; j < levels; j++) {
                int n = STOCHASTIC_LEVELS[j];
                coupled.level(n);
                double[] x = integrate(scheme, flow, n, 1.0, coupled);
                extra = Math.max(extra, coupled.mismatch(n));
                double s = 0;
                double fx = 0;
                for (int i = 0; i < d; i++) {
                    s += (x[i] - ref[i]) * (x[i] - ref[i]);
                    fx += x[i] * x[i];
                }
                s = Math.sqrt(s);
                strongSum[j] += s;
                strongSq[j] += s * s;
                weakSum[j] += fx - fr;
                weakSq[j] += (fx - fr) * (fx - fr);
            }
        }
        if (extra > 0) {
            String note = "the scheme does not draw exactly d Gaussians per step (" + String.format(Locale.ROOT,
                    "%.3g", extra) + " calls per step off): the coupling to a reference path needs them";
            return new CheckResult[] {CheckResult.skip(STRONG_CHECK, note), CheckResult.skip(WEAK_CHECK, note)};
        }
        CheckResult strong = claim.strong() > 0 ? fitted(STRONG_CHECK, strongSum, strongSq, claim.strong(), 0.25)
                : CheckResult.skip(STRONG_CHECK, "states no strong order");
        CheckResult weak = claim.weak() > 0 ? fitted(WEAK_CHECK, weakSum, weakSq, claim.weak(), 0.3)
                : CheckResult.skip(WEAK_CHECK, "states no weak order");
        return new CheckResult[] {strong, weak};
    }

    /** The order fitted by least squares to log e(N) over the levels resolved above 3 standard errors. */
    private static CheckResult fitted(String name, double[] sum, double[] sq, double claim, double slack) {
        int levels = sum.length;
        double[] e = new double[levels];
        double[] se = new double[levels];
        List<Integer> resolved = new ArrayList<>();
        for (int j = 0; j < levels; j++) {
            double mean = sum[j] / PATHS;
            double var = Math.max(0, sq[j] / PATHS - mean * mean);
            e[j] = Math.abs(mean);
            se[j] = Math.sqrt(var / PATHS);
            if (e[j] > 3 * se[j]) {
                resolved.add(j);
            }
        }
        String figures = "errors " + list(e) + " +- " + list(se) + " at N = " + Arrays.toString(STOCHASTIC_LEVELS);
        if (resolved.size() < 2) {
            return CheckResult.of(name, true, "errors within 3 standard errors of 0 at " + (levels - resolved.size())
                    + " levels: below what " + PATHS + " paths resolve", "order >= " + fmtOrder(claim - slack),
                    figures);
        }
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int j : resolved) {
            double lx = Math.log(1.0 / STOCHASTIC_LEVELS[j]);
            double ly = Math.log(e[j]);
            sx += lx;
            sy += ly;
            sxx += lx * lx;
            sxy += lx * ly;
        }
        int m = resolved.size();
        double slope = (m * sxy - sx * sy) / (m * sxx - sx * sx);
        boolean ok = slope >= claim - slack;
        return CheckResult.of(name, ok, "order " + fmtOrder(slope) + " (stated " + fmtOrder(claim) + ")",
                "order >= " + fmtOrder(claim - slack), figures);
    }

    /**
     * A stream that hands a scheme at N steps the sums of the fine Gaussians of each step (per coordinate, scaled by
     * 1/sqrt(r), r = FINE / N), so that the coarse and the fine paths see the same Brownian path; uniforms are
     * independent. Counts the Gaussians drawn, so that a scheme drawing more or fewer is noticed.
     */
    static final class Coupled implements RandomStream {
        private final double[] fine;
        private final int d;
        private final Random uniforms = new Random(99);
        private int ratio;
        private long calls;

        Coupled(double[] fine, int d) {
            this.fine = fine;
            this.d = d;
        }

        void level(int n) {
            ratio = FINE / n;
            calls = 0;
        }

        /** |calls per step - d|. */
        double mismatch(int n) {
            return Math.abs((double) calls / n - d);
        }

        @Override
        public double nextGaussian() {
            long c = calls++;
            long k = c / d;
            int i = (int) (c % d);
            if (k * ratio >= FINE) {
                return 0;
            }
            double s = 0;
            for (int j = 0; j < ratio; j++) {
                s += fine[(int) ((k * ratio + j) * d + i)];
            }
            return s / Math.sqrt(ratio);
        }

        @Override
        public double nextDouble() {
            return uniforms.nextDouble();
        }
    }

    public static CheckResult reproducible(SchemeFactory factory, Parameters parameters, Flow flow, long seed) {
        Scheme scheme = factory.create(parameters, flow);
        double[] a = integrate(scheme, flow, 20, 0.02, stream(seed));
        double[] b = integrate(scheme, flow, 20, 0.02, stream(seed));
        boolean ok = Arrays.equals(a, b);
        return CheckResult.of(REPRODUCIBLE_CHECK, ok, ok ? "identical after 20 steps" : "the runs differ",
                "bitwise equal", Samples.at(a) + " and " + Samples.at(b));
    }

    /**
     * A block stepper's {@link Scheme.BlockStepper#stepBlock} against its own {@link Scheme.Stepper#step}: 7 particles
     * near the flow's start (offsets 1e-3 times seeded Gaussians), 20 steps of 1e-3, the block stepped by two calls
     * (particles 0-2, then 3-6) and the reference particle by particle, each from a stream with the same seed.
     */
    public static CheckResult blockSteps(SchemeFactory factory, Parameters parameters, Flow flow, long seed) {
        Scheme scheme = factory.create(parameters, flow);
        if (scheme.auxiliaryDimension(flow) > 0) {
            return CheckResult.skip(BLOCK_CHECK, "the scheme keeps auxiliary state, which stepBlock does not carry:"
                    + " the runner steps it particle by particle");
        }
        int n = 7;
        int d = flow.dimension();
        double[] start = flow.space().initialState();
        double[] block = new double[n * d];
        Random offsets = new Random(seed);
        for (int p = 0; p < n; p++) {
            for (int i = 0; i < d; i++) {
                block[p * d + i] = start[i] + 1e-3 * offsets.nextGaussian();
            }
        }
        double[] single = block.clone();
        Scheme.BlockStepper inPlace = (Scheme.BlockStepper) scheme.stepper(flow);
        Scheme.Stepper plain = scheme.stepper(flow);
        RandomStream a = stream(seed);
        RandomStream b = stream(seed);
        double[] x = new double[d];
        double[] aux = new double[0];
        StepCursor at = new StepCursor(1e-3);
        for (int k = 0; k < 20; k++) {
            inPlace.stepBlock(block, 0, 3, at.moveTo(k), a);
            inPlace.stepBlock(block, 3, n, at.moveTo(k), a);
            for (int p = 0; p < n; p++) {
                System.arraycopy(single, p * d, x, 0, d);
                plain.step(x, aux, at.moveTo(k), b);
                System.arraycopy(x, 0, single, p * d, d);
            }
            for (int j = 0; j < block.length; j++) {
                if (Double.doubleToLongBits(block[j]) != Double.doubleToLongBits(single[j])) {
                    return CheckResult.of(BLOCK_CHECK, false, "differs at step " + (k + 1) + ", particle "
                            + (j / d) + ", coordinate " + (j % d + 1) + ": " + block[j] + " against " + single[j],
                            "bitwise equal", Samples.at(Arrays.copyOfRange(single, j / d * d, j / d * d + d)));
                }
            }
        }
        return CheckResult.of(BLOCK_CHECK, true, "identical after 20 steps of 7 particles", "bitwise equal",
                Samples.at(Arrays.copyOfRange(block, 0, d)));
    }

    public static CheckResult allocations(SchemeFactory factory, Parameters parameters, Flow flow, long seed) {
        Scheme scheme = factory.create(parameters, flow);
        Scheme.Stepper stepper = scheme.stepper(flow);
        double[] x = flow.space().initialState();
        double[] start = x.clone();
        double[] aux = new double[scheme.auxiliaryDimension(flow)];
        RandomStream rng = stream(seed);
        StepCursor at = new StepCursor(1e-3);
        long bytes = Allocations.allocatedBy(() -> {
            System.arraycopy(start, 0, x, 0, x.length);
            for (int k = 0; k < 50; k++) {
                stepper.step(x, aux, at.moveTo(k), rng);
            }
        });
        if (bytes < 0) {
            return CheckResult.skip(ALLOCATION_CHECK, "this JVM cannot count allocations");
        }
        boolean ok = bytes < 200;
        return new CheckResult(ALLOCATION_CHECK, ok ? CheckResult.Status.PASS : CheckResult.Status.WARN, bytes
                + " bytes in 50 steps", "< 200 bytes (counter overhead); a warning only");
    }

    static String fmtOrder(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String list(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2e", v[i]));
        }
        return b.append("]").toString();
    }
}
