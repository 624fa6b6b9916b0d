package org.varflow.testkit;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.varflow.api.Metric;
import org.varflow.api.Space;

/**
 * The contract every metric must meet, as a JUnit 5 base class for metric authors: extend it, return the metric and
 * the space it lives on, and each check of {@link MetricChecks} (what {@code varflow check METRIC-ID} prints) runs as
 * one test at seeded sample points - the initial state and a random walk made with the metric's own retraction.
 * A failed check fails its test with the worst value found and the tolerance.
 *
 * <p>Add {@code varflow-testkit} to a plugin's test dependencies (it needs only {@code varflow-api},
 * commons-math3 and the JUnit API). The static {@code check...} methods check one point, so that a test can show that
 * a broken metric fails them.
 */
public abstract class MetricContract {
    /** The metric under test (built once per test). */
    protected abstract Metric metric();

    /** The space it lives on. */
    protected abstract Space space();

    /** The seed of the sample points. */
    protected long seed() {
        return 20261122L;
    }

    /**
     * The expected rank of K: by default the space's tangent dimension (d, or what a ConstrainedSpace declares);
     * null (rank not checked) for metrics with a Poisson part and on measure spaces.
     */
    protected Integer tangentDimension() {
        return MetricChecks.expectedRank(metric(), space());
    }

    /** The sample points: the initial state and the first 12 states of a random walk. */
    protected List<double[]> points() {
        return MetricChecks.walk(metric(), space(), seed(), 12, 0.3);
    }

    @Test
    void kIsSymmetric() {
        require(MetricChecks.symmetric(metric(), points()));
    }

    @Test
    void kIsPositiveDefiniteOnTheTangentSpace() {
        require(MetricChecks.positive(metric(), space(), points(), tangentDimension()));
    }

    @Test
    void sqrtRaiseSquaresToK() {
        require(MetricChecks.squareRoot(metric(), points()));
    }

    @Test
    void divergenceMatchesFiniteDifferences() {
        require(MetricChecks.divergence(metric(), points()));
    }

    @Test
    void poissonPartIsAntisymmetric() {
        Assumptions.assumeTrue(metric() instanceof org.varflow.api.PoissonMetric, "no Poisson part");
        require(MetricChecks.antisymmetric(metric(), points()));
    }

    @Test
    void retractionIsFirstOrder() {
        require(MetricChecks.retraction(metric(), points(), seed()));
    }

    @Test
    void noiseStepThroughTheRetractionIsItoConsistent() {
        Metric m = metric();
        try {
            m.sqrtRaise(space().initialState(), new double[space().dimension()], new double[space().dimension()]);
        } catch (org.varflow.api.ConfigurationException e) {
            Assumptions.abort("the metric refuses noise here");
        }
        require(MetricChecks.stochasticRetraction(m, points(), seed()));
    }

    @Test
    void statesStayOnTheSpace() {
        require(MetricChecks.staysOnSpace(metric(), space(), seed()));
    }

    @Test
    void aSharedInstanceIsThreadSafe() {
        Metric m = metric();
        boolean noise = true;
        try {
            m.sqrtRaise(space().initialState(), new double[space().dimension()], new double[space().dimension()]);
        } catch (org.varflow.api.ConfigurationException e) {
            noise = false;
        }
        require(MetricChecks.threadSafety(m, points(), noise));
    }

    @Test
    void hotMethodsAllocateNothing() {
        List<double[]> pts = points();
        CheckResult r = MetricChecks.allocations(metric(), pts.get(Math.min(1, pts.size() - 1)), true);
        Assumptions.assumeFalse(r.status() == CheckResult.Status.SKIP, r.worst());
        if (r.status() != CheckResult.Status.PASS) {
            throw new AssertionError(r.name() + ": " + r.worst() + " (allowed " + r.allowed() + ")");
        }
    }

    // ---- one point at a time, for tests of broken metrics ----

    public static void checkSymmetric(Metric m, double[] x) {
        require(MetricChecks.symmetric(m, List.of(x)));
    }

    /** K(x) semi-definite with exactly {@code rank} positive eigenvalues. */
    public static void checkPositive(Metric m, Space space, double[] x, int rank) {
        require(MetricChecks.positive(m, space, List.of(x), rank));
    }

    public static void checkSquareRoot(Metric m, double[] x) {
        require(MetricChecks.squareRoot(m, List.of(x)));
    }

    public static void checkDivergence(Metric m, double[] x) {
        require(MetricChecks.divergence(m, List.of(x)));
    }

    public static void checkRetraction(Metric m, double[] x, long seed) {
        require(MetricChecks.retraction(m, List.of(x), seed));
    }

    public static void checkStochasticRetraction(Metric m, double[] x, long seed) {
        require(MetricChecks.stochasticRetraction(m, List.of(x), seed));
    }

    /** x satisfies the space's constraint (see {@link SpaceConstraints}). */
    public static void checkOnSpace(Space space, double[] x) {
        String problem = SpaceConstraints.violation(space, x);
        if (problem != null) {
            throw new AssertionError("off the space " + space.kind() + ": " + problem + " (allowed "
                    + SpaceConstraints.describe(space) + ")");
        }
    }

    /** K(x) as a row-major matrix, column j = raise(x, e_j). */
    public static double[] matrixOfK(Metric m, double[] x) {
        return MetricChecks.matrixOfK(m, x);
    }

    /** Fails with the check's worst value, tolerance and place unless it passed (or was skipped as not applicable). */
    public static void require(CheckResult r) {
        if (r.failed()) {
            throw new AssertionError(r.toString());
        }
    }
}
