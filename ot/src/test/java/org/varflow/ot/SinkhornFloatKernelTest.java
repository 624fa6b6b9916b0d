package org.varflow.ot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.varflow.api.Workers;
import org.varflow.api.parallel.WorkerPool;

/**
 * Sinkhorn on a kernel stored in float ({@link Sinkhorn#withFloatKernel()}): agreement with the double kernel to a
 * bound derived from 2^-24, convergence to tolerances below the float floor (the polish on the double kernel), the
 * scalar and vector float kernels bitwise equal, one thread bitwise equal to several, and tiny epsilon.
 *
 * <p>The agreement bound ({@link #agreement}). Up to the entries stored as 0, the float kernel is the double kernel
 * of the cost C' = C - eps log(1 + theta), |theta| <= 2^-24, so |C' - C| <= eps 2^-24 (1 + 2^-23). The entropic value
 * OT_eps(a, b; C) = min over plans P of <C, P> + eps KL(P | a b) is a minimum of functions 1-Lipschitz in C (sup
 * norm) per unit of mass, so it moves by at most eps 2^-24 mass. A plan of Gibbs form with L1 marginal error delta is
 * the exact optimum for its own marginals, and the value is convex in the marginals with the potentials as
 * subgradients, so it is within delta (max|f| + max|g|) of the value for (a, b) (doubled: the potentials at either
 * end). The entries stored as 0 carry at most 2^-126 n m e^40 ~ 1e-11 of the mass, moving the value by at most that
 * times the cost range.
 */
class SinkhornFloatKernelTest {

    private static final double UNIT_ROUNDOFF = 0x1p-24;

    @Test
    void theVectorFloatKernelsAreLoadedHereAndTheScalarOnesWhenNotWantedOrAbsent() {
        assertThat(FloatRowKernels.best()).isInstanceOf(VectorFloatRowKernels.class);
        assertThat(FloatRowKernels.Selection.select(false, true)).isSameAs(FloatRowKernels.SCALAR);
        assertThat(FloatRowKernels.Selection.select(true, false)).isSameAs(FloatRowKernels.SCALAR);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 7, 8, 9, 17, 1000, 1003})
    void bothVectorShapesAreBitwiseTheScalarFloatKernels(int m) {
        SplittableRandom r = new SplittableRandom(m);
        float[] k = new float[4 * m + 3];
        for (int i = 0; i < k.length; i++) {
            k[i] = i % 11 == 0 ? 0f : (float) Math.exp(-30 * r.nextDouble());
        }
        double[] v = r.doubles(m, 0, 1e3).toArray();
        FloatRowKernels[] vectors = {new VectorFloatRowKernels(true), new VectorFloatRowKernels(false)};
        for (FloatRowKernels vector : vectors) {
            for (int base : new int[] {0, 3}) {
                double[] scalarDots = new double[4];
                double[] vectorDots = new double[4];
                FloatRowKernels.SCALAR.dot4(k, base, m, v, scalarDots);
                vector.dot4(k, base, m, v, vectorDots);
                for (int q = 0; q < 4; q++) {
                    assertThat(Double.doubleToRawLongBits(vectorDots[q])).isEqualTo(
                            Double.doubleToRawLongBits(scalarDots[q]));
                    assertThat(scalarDots[q]).isEqualTo(FloatRowKernels.dot(k, base + q * m, m, v));
                }
                double[] rs = r.doubles(m + 2, 0, 1).toArray();
                double[] rv = rs.clone();
                FloatRowKernels.SCALAR.addScaled4(k, base, m, 0.3, 1.7, 2e-5, 11, rs, 2);
                vector.addScaled4(k, base, m, 0.3, 1.7, 2e-5, 11, rv, 2);
                assertThat(rv).isEqualTo(rs);
            }
        }
    }

    @Test
    void theOptionIsImmutableConfiguration() {
        Sinkhorn plain = new Sinkhorn(0.1).withTolerance(1e-6);
        Sinkhorn floats = plain.withFloatKernel();
        assertThat(plain.floatKernel()).isFalse();
        assertThat(floats.floatKernel()).isTrue();
        assertThat(floats.withTolerance(1e-3).withMaxIterations(7).withoutScaling().floatKernel()).isTrue();
        assertThat(floats.tolerance()).isEqualTo(1e-6);
    }

    /** W2 of the benchmark (1000 x 1000, eps 0.01, 500 iterations, tolerance 0, no scaling). */
    @Test
    void floatAndDoubleKernelsAgreeOnTheBenchmarkProblem() {
        int n = 1000;
        double eps = 0.01;
        double[] x = kronecker(n, Math.sqrt(2), Math.sqrt(3), 0);
        double[] y = kronecker(n, Math.sqrt(5), Math.sqrt(7), 0.25);
        Sinkhorn solver = new Sinkhorn(eps).withTolerance(0).withMaxIterations(500).withoutScaling();
        SinkhornResult dbl = solver.squaredEuclidean(x, y, 2);
        SinkhornResult fl = solver.withFloatKernel().squaredEuclidean(x, y, 2);
        double range = range(Costs.squaredEuclidean(x, y, 2));
        double bound = agreement(fl, dbl, eps, 1, range);
        System.out.printf("Sinkhorn W2 float vs double kernel: objectives %.12f, %.12f (|diff| %.2e, bound %.2e),"
                + " costs %.12f, %.12f, marginal errors %.2e, %.2e%n", fl.objective(), dbl.objective(),
                Math.abs(fl.objective() - dbl.objective()), bound, fl.cost(), dbl.cost(), fl.marginalError(),
                dbl.marginalError());
        assertThat(fl.iterations()).isEqualTo(500);
        assertThat(fl.converged()).isFalse();
        assertThat(fl.objective()).isCloseTo(dbl.objective(), within(bound));
        // what the float kernel reaches when run to the end, measured in double: below its floor
        assertThat(fl.marginalError()).isLessThan(Sinkhorn.FLOAT_FLOOR);
    }

    @Test
    void floatAndDoubleKernelsAgreeOnASmallWeightedProblem() {
        Random rng = new Random(21);
        int n = 40;
        int m = 50;
        double[] a = ExactOTTest.randomWeights(rng, n);
        double[] b = ExactOTTest.randomWeights(rng, m);
        double[] x = ExactOTTest.uniforms(rng, 2 * n);
        double[] y = ExactOTTest.uniforms(rng, 2 * m);
        double eps = 0.05;
        Sinkhorn solver = new Sinkhorn(eps).withTolerance(1e-12);
        SinkhornResult dbl = solver.squaredEuclidean(x, a, y, b, 2);
        SinkhornResult fl = solver.withFloatKernel().squaredEuclidean(x, a, y, b, 2);
        assertThat(dbl.converged()).isTrue();
        assertThat(fl.converged()).isTrue();
        assertThat(fl.marginalError()).isLessThanOrEqualTo(2e-12);
        assertThat(fl.objective()).isCloseTo(dbl.objective(),
                within(agreement(fl, dbl, eps, 1, range(Costs.squaredEuclidean(x, y, 2)))));
    }

    /**
     * The closed form of SinkhornTest (entropic OT between 1-D Gaussians) at a tolerance far below the float floor:
     * reached through the polish on the double kernel, and claimed only then.
     */
    @Test
    void toleranceBelowTheFloatFloorIsReachedOnTheDoubleKernel() {
        double eps = 0.5;
        double varA = 1;
        double varB = 4;
        double c = (Math.sqrt(eps * eps + 16 * varA * varB) - eps) / 4;
        double closedForm = 1 + varA + varB - 2 * c - eps / 2 * Math.log(1 - c * c / (varA * varB));
        int n = 301;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] wx = new double[n];
        double[] wy = new double[n];
        SinkhornTest.grid(0, 1, x, wx);
        SinkhornTest.grid(1, 2, y, wy);
        double tolerance = 1e-11;
        assertThat(tolerance).isLessThan(Sinkhorn.FLOAT_FLOOR);
        Sinkhorn solver = new Sinkhorn(eps).withTolerance(tolerance);
        SinkhornResult fl = solver.withFloatKernel().squaredEuclidean(x, wx, y, wy, 1);
        SinkhornResult log = solver.logDomainOnly().squaredEuclidean(x, wx, y, wy, 1);
        assertThat(fl.converged()).isTrue();
        assertThat(fl.marginalError()).isLessThanOrEqualTo(2 * tolerance);
        assertThat(fl.objective()).isCloseTo(closedForm, within(1e-6));
        assertThat(fl.objective()).isCloseTo(log.objective(), within(agreement(fl, log, eps, 1,
                range(Costs.squaredEuclidean(x, y, 1)))));
    }

    /** A tolerance above twice the floor is claimed from the float iterations alone, and honestly. */
    @Test
    void toleranceAboveTheFloorIsMetByTheFloatKernelAlone() {
        Random rng = new Random(22);
        int n = 80;
        double[] a = ExactOTTest.randomWeights(rng, n);
        double[] b = ExactOTTest.randomWeights(rng, n);
        double[] x = ExactOTTest.uniforms(rng, 2 * n);
        double[] y = ExactOTTest.uniforms(rng, 2 * n);
        for (double tolerance : new double[] {1e-3, 1e-4, 1e-5, 4 * Sinkhorn.FLOAT_FLOOR}) {
            SinkhornResult r = new Sinkhorn(0.02).withTolerance(tolerance).withFloatKernel()
                    .squaredEuclidean(x, a, y, b, 2);
            assertThat(r.converged()).isTrue();
            assertThat(r.marginalError()).as("tolerance %s", tolerance).isLessThanOrEqualTo(tolerance);
        }
    }

    /**
     * Tiny eps with epsilon-scaling: every stage starts with an absorption and the band of e^20 is left again and
     * again; at the end most kernel entries are below 2^-126 (stored as 0). It still converges and matches the
     * double kernel.
     */
    @Test
    void tinyEpsilonWithRepeatedAbsorptionsAndUnderflowConvergesAndMatches() {
        SplittableRandom rnd = new SplittableRandom(99);
        int n = 60;
        int m = 45;
        double[] x = rnd.doubles(2L * n).toArray();
        double[] y = rnd.doubles(2L * m).map(t -> t + 0.3).toArray();
        double[] a = ExactOTTest.randomWeights(new Random(7), n);
        double[] b = ExactOTTest.randomWeights(new Random(8), m);
        double[] cost = Costs.squaredEuclidean(x, y, 2);
        double maxB = java.util.Arrays.stream(b).max().orElseThrow();
        for (double eps : new double[] {1e-3, 3e-4}) {
            Sinkhorn solver = new Sinkhorn(eps).withTolerance(1e-9);
            SinkhornResult dbl = solver.solve(a, b, cost);
            SinkhornResult fl = solver.withFloatKernel().solve(a, b, cost);
            assertThat(dbl.converged()).isTrue();
            assertThat(fl.converged()).isTrue();
            assertThat(fl.marginalError()).isLessThanOrEqualTo(2e-9);
            assertThat(fl.objective()).isCloseTo(dbl.objective(), within(agreement(fl, dbl, eps, 1, range(cost))));
            assertThat(fl.cost()).isCloseTo(dbl.cost(), within(1e-6));
            long zeroed = java.util.Arrays.stream(fl.plan()).filter(p -> p / maxB < Float.MIN_NORMAL).count();
            assertThat(zeroed).as("entries that underflow the float kernel").isGreaterThan(n * m / 2);
        }
    }

    /**
     * Scalar and both vector shapes of the float kernels, and one thread against two and three, give bitwise the
     * same solve: with a polish on the double kernel (tolerance 1e-9, epsilon-scaling, many absorptions) and with a
     * fixed number of iterations on the float kernel only; shapes not multiples of 4, 8 or 16.
     */
    @Test
    void scalarVectorAndThreadCountsGiveBitwiseTheSameFloatSolve() {
        Random rng = new Random(5);
        int n = 203;
        int m = 150;
        double[] x = ExactOTTest.uniforms(rng, 2 * n);
        double[] y = ExactOTTest.uniforms(rng, 2 * m);
        double[] a = ExactOTTest.randomWeights(rng, n);
        double[] b = ExactOTTest.randomWeights(rng, m);
        double[] cost = Costs.squaredEuclidean(x, y, 2);
        try (WorkerPool two = new WorkerPool(2); WorkerPool three = new WorkerPool(3)) {
            for (Sinkhorn solver : new Sinkhorn[] {new Sinkhorn(0.002).withTolerance(1e-9).withFloatKernel(),
                    new Sinkhorn(0.01).withTolerance(0).withMaxIterations(300).withoutScaling().withFloatKernel()}) {
                SinkhornResult one = solver.withFloatRowKernels(FloatRowKernels.SCALAR)
                        .withRowKernels(RowKernels.SCALAR).withWorkers(Workers.sequential()).solve(a, b, cost);
                assertSame(one, solver.solve(a, b, cost));
                assertSame(one, solver.withFloatRowKernels(new VectorFloatRowKernels(true)).solve(a, b, cost));
                assertSame(one, solver.withFloatRowKernels(new VectorFloatRowKernels(false)).withWorkers(two)
                        .solve(a, b, cost));
                assertSame(one, solver.withWorkers(three).withFloatRowKernels(FloatRowKernels.SCALAR)
                        .solve(a, b, cost));
                assertSame(one, solver.withWorkers(two).solve(a, b, cost));
                assertThat(one.iterations()).isGreaterThan(20);
            }
        }
    }

    /**
     * |objective(float) - objective(double)| allowed by the derivation in the class comment: eps 2^-24 (1 + 2^-23)
     * mass, plus twice (max|f| + max|g|) times the two marginal errors, plus 1e-11 mass times the cost range.
     */
    private static double agreement(SinkhornResult fl, SinkhornResult dbl, double eps, double mass, double range) {
        double potentials = Math.max(maxAbs(fl.f()) + maxAbs(fl.g()), maxAbs(dbl.f()) + maxAbs(dbl.g()));
        return eps * UNIT_ROUNDOFF * (1 + 0x1p-23) * mass
                + 2 * potentials * (fl.marginalError() + dbl.marginalError()) + 1e-11 * mass * range;
    }

    private static double maxAbs(double[] v) {
        double max = 0;
        for (double t : v) {
            max = Math.max(max, Math.abs(t));
        }
        return max;
    }

    private static double range(double[] cost) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double c : cost) {
            lo = Math.min(lo, c);
            hi = Math.max(hi, c);
        }
        return hi - lo;
    }

    private static void assertSame(SinkhornResult expected, SinkhornResult actual) {
        assertThat(actual.iterations()).isEqualTo(expected.iterations());
        assertThat(actual.f()).isEqualTo(expected.f());
        assertThat(actual.g()).isEqualTo(expected.g());
        assertThat(actual.plan()).isEqualTo(expected.plan());
        assertThat(Double.doubleToRawLongBits(actual.cost())).isEqualTo(Double.doubleToRawLongBits(expected.cost()));
        assertThat(Double.doubleToRawLongBits(actual.marginalError()))
                .isEqualTo(Double.doubleToRawLongBits(expected.marginalError()));
    }

    /** The benchmark's points: frac((i + 1) alpha) + shift in 2-D. */
    private static double[] kronecker(int n, double a1, double a2, double shift) {
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double u = (i + 1) * a1;
            double w = (i + 1) * a2;
            p[2 * i] = u - Math.floor(u) + shift;
            p[2 * i + 1] = w - Math.floor(w) + shift;
        }
        return p;
    }
}
