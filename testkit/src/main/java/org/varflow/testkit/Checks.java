package org.varflow.testkit;

import java.util.List;
import java.util.function.DoubleFunction;
import org.varflow.api.Energy;
import org.varflow.api.Entropy;
import org.varflow.api.Flow;
import org.varflow.api.Metric;
import org.varflow.api.Noise;
import org.varflow.api.Parameters;
import org.varflow.api.SchemeFactory;
import org.varflow.api.Space;

/**
 * The check kit as a library: one call per part kind, each returning one {@link CheckResult} per check (PASS, FAIL,
 * WARN or SKIP, the measured figure, the tolerance and where it failed). The same checks back
 * {@code varflow check PART} and the JUnit 5 contracts ({@link EnergyContract}, {@link SpaceContract},
 * {@link MetricContract}, {@link NoiseContract}, {@link EntropyContract}, {@link SchemeContract}).
 *
 * <pre>{@code
 * List<CheckResult> results = Checks.energy(myEnergy, space, metric);   // metric: walks the space (or null)
 * if (Checks.failed(results)) { ... }
 * }</pre>
 *
 * Sample points are seeded (the seed is an argument), so a failure is repeatable. What each check measures and its
 * tolerance is in the Javadoc of {@link EnergyChecks}, {@link SpaceChecks}, {@link MetricChecks},
 * {@link NoiseChecks}, {@link EntropyChecks} and {@link SchemeChecks}.
 */
public final class Checks {
    /** Sample points besides the initial state, by default. */
    public static final int POINTS = 12;
    /** The default seed of the sample points. */
    public static final long SEED = 20261122L;

    private Checks() {
    }

    /** An energy on {@code space}, at points of a walk with {@code metric}'s retraction (or perturbations). */
    public static List<CheckResult> energy(Energy energy, Space space, Metric metric) {
        return EnergyChecks.run(energy, Samples.points(space, metric, POINTS, SEED), SEED);
    }

    /** An energy at the given points. */
    public static List<CheckResult> energy(Energy energy, List<double[]> points, long seed) {
        return EnergyChecks.run(energy, points, seed);
    }

    /** A space, at points of a walk with {@code metric}'s retraction (or perturbations when it is null). */
    public static List<CheckResult> space(Space space, Metric metric) {
        return SpaceChecks.run(space, Samples.points(space, metric, POINTS, SEED), SEED);
    }

    /** A metric on a space: today's checks, the stochastic retraction, states staying inside. */
    public static List<CheckResult> metric(Metric metric, Space space) {
        return MetricChecks.run(metric, space, POINTS, SEED);
    }

    /** A noise with a metric on its space, at the temperature of {@code entropy} (1 when it has none). */
    public static List<CheckResult> noise(Noise noise, Metric metric, Space space, Entropy entropy) {
        return NoiseChecks.run(noise, metric, entropy, Samples.points(space, metric, 3, SEED), SEED);
    }

    /** An entropy: its temperature. */
    public static List<CheckResult> entropy(Entropy entropy) {
        return EntropyChecks.run(entropy);
    }

    /**
     * A scheme on the linear test problem ({@link TestProblems#linear()}, and {@link
     * TestProblems#ornsteinUhlenbeck} at T = 1/2 when it states a stochastic order), or on the damped oscillator when
     * it does not accept R^2 with the flat metric (a splitting scheme).
     */
    public static List<CheckResult> scheme(SchemeFactory factory, Parameters parameters) {
        Flow linear = TestProblems.linear();
        try {
            factory.create(parameters, linear);
        } catch (RuntimeException e) {
            return scheme(factory, parameters, TestProblems.dampedOscillator(0.5), null, null);
        }
        boolean stochastic = factory.order().strong() > 0 || factory.order().weak() > 0;
        return scheme(factory, parameters, linear, TestProblems::linearExact,
                stochastic ? TestProblems.ornsteinUhlenbeck(0.5) : null);
    }

    /** A scheme on the flows given (exact: the deterministic flow's x(t), or null for Runge-Kutta on its drift). */
    public static List<CheckResult> scheme(SchemeFactory factory, Parameters parameters, Flow deterministic,
                                           DoubleFunction<double[]> exact, Flow stochastic) {
        return SchemeChecks.run(factory, parameters, deterministic, exact, stochastic, SEED);
    }

    /** Whether any check failed (warnings and skips do not count). */
    public static boolean failed(List<CheckResult> results) {
        return results.stream().anyMatch(CheckResult::failed);
    }

    /** Throws an {@link AssertionError} listing every failed check, for tests. */
    public static void require(List<CheckResult> results) {
        List<String> failures = results.stream().filter(CheckResult::failed).map(CheckResult::toString).toList();
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n", failures));
        }
    }
}
