package org.varflow.ot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.varflow.api.Workers;
import org.varflow.api.parallel.WorkerPool;

/**
 * The fast paths of Sinkhorn give bitwise the numbers of the plain ones: the Vector API row kernels against the
 * scalar kernels (this module's tests run with {@code --add-modules jdk.incubator.vector}), and one thread against
 * two and three, on shapes whose rows and columns are not multiples of four nor of the chunk count.
 */
class SinkhornFastPathTest {

    @Test
    void theVectorKernelsAreLoadedHereAndTheScalarOnesWhenNotWantedOrAbsent() {
        assertThat(RowKernels.best()).isInstanceOf(VectorRowKernels.class);
        assertThat(RowKernels.Selection.select(false, true)).isSameAs(RowKernels.SCALAR);
        assertThat(RowKernels.Selection.select(true, false)).isSameAs(RowKernels.SCALAR);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 5, 17, 1000, 1003})
    void vectorRowKernelsAreBitwiseTheScalarOnes(int m) {
        SplittableRandom r = new SplittableRandom(m);
        double[] k = r.doubles(4L * m + 3, 0, 1).map(x -> Math.exp(-30 * x)).toArray();
        double[] v = r.doubles(m, 0, 1e3).toArray();
        RowKernels vector = new VectorRowKernels();
        for (int base : new int[] {0, 3}) {
            double[] scalarDots = new double[4];
            double[] vectorDots = new double[4];
            RowKernels.SCALAR.dot4(k, base, m, v, scalarDots);
            vector.dot4(k, base, m, v, vectorDots);
            for (int q = 0; q < 4; q++) {
                assertThat(Double.doubleToRawLongBits(vectorDots[q])).isEqualTo(
                        Double.doubleToRawLongBits(scalarDots[q]));
            }
            double[] rs = r.doubles(m + 2, 0, 1).toArray();
            double[] rv = rs.clone();
            RowKernels.SCALAR.addScaled4(k, base, m, 0.3, 1.7, 2e-5, 11, rs, 2);
            vector.addScaled4(k, base, m, 0.3, 1.7, 2e-5, 11, rv, 2);
            assertThat(rv).isEqualTo(rs);
        }
    }

    private static double[] cloud(Random rng, int n) {
        double[] p = new double[2 * n];
        for (int i = 0; i < p.length; i++) {
            p[i] = rng.nextDouble();
        }
        return p;
    }

    private static void assertSame(SinkhornResult expected, SinkhornResult actual) {
        assertThat(actual.iterations()).isEqualTo(expected.iterations());
        assertThat(actual.f()).isEqualTo(expected.f());
        assertThat(actual.g()).isEqualTo(expected.g());
        assertThat(Double.doubleToRawLongBits(actual.cost())).isEqualTo(Double.doubleToRawLongBits(expected.cost()));
        assertThat(Double.doubleToRawLongBits(actual.marginalError()))
                .isEqualTo(Double.doubleToRawLongBits(expected.marginalError()));
    }

    /**
     * Small eps so that the scalings leave their band and are absorbed several times (log-domain iterations and
     * kernel rebuilds run split too), with epsilon-scaling and with a fixed iteration count.
     */
    @Test
    void twoAndThreeThreadsAndTheScalarKernelsGiveBitwiseTheSameSolve() {
        Random rng = new Random(5);
        int n = 203;
        int m = 150;
        double[] x = cloud(rng, n);
        double[] y = cloud(rng, m);
        double[] a = ExactOTTest.randomWeights(rng, n);
        double[] b = ExactOTTest.randomWeights(rng, m);
        double[] cost = Costs.squaredEuclidean(x, y, 2);
        try (WorkerPool two = new WorkerPool(2); WorkerPool three = new WorkerPool(3)) {
            for (Sinkhorn solver : new Sinkhorn[] {new Sinkhorn(0.002).withTolerance(1e-9),
                    new Sinkhorn(0.01).withTolerance(0).withMaxIterations(300).withoutScaling()}) {
                SinkhornResult one = solver.withRowKernels(RowKernels.SCALAR).solve(a, b, cost);
                assertSame(one, solver.solve(a, b, cost));
                assertSame(one, solver.withWorkers(two).solve(a, b, cost));
                assertSame(one, solver.withWorkers(three).withRowKernels(RowKernels.SCALAR).solve(a, b, cost));
                assertThat(one.iterations()).isGreaterThan(20);
            }
        }
    }

    /** The split sweep changed only rounding: the solve agrees with the log-domain iteration to its tolerance. */
    @Test
    void theSplitScalingSweepAgreesWithTheLogDomainIteration() {
        Random rng = new Random(9);
        int n = 120;
        double[] x = cloud(rng, n);
        double[] y = cloud(rng, n);
        Sinkhorn solver = new Sinkhorn(0.01).withTolerance(1e-11).withWorkers(Workers.sequential());
        SinkhornResult fast = solver.squaredEuclidean(x, y, 2);
        SinkhornResult log = solver.logDomainOnly().squaredEuclidean(x, y, 2);
        assertThat(fast.converged()).isTrue();
        assertThat(log.converged()).isTrue();
        assertThat(fast.cost()).isCloseTo(log.cost(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(fast.marginalError()).isLessThan(2e-11);
    }
}
