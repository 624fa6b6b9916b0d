package org.varflow.testkit;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.varflow.api.Energy;
import org.varflow.api.FiniteSumEnergy;
import org.varflow.api.Metric;
import org.varflow.api.Space;

/**
 * The contract every energy must meet, as a JUnit 5 base class: extend it, return the energy and its space (and,
 * for a manifold, a metric whose retraction walks it), and each check of {@link EnergyChecks} runs as one test at
 * seeded points: the gradient against finite differences, valueAndGradient, the Hessian (when given), the terms of a
 * finite sum, thread safety of a shared instance, no allocation (a warning: the test passes).
 */
public abstract class EnergyContract {
    /** The energy under test (built once per test). */
    protected abstract Energy energy();

    /** The space it lives on. */
    protected abstract Space space();

    /** A metric whose retraction makes the sample points (null: perturbations of the initial state). */
    protected Metric metric() {
        return null;
    }

    /** The seed of the sample points. */
    protected long seed() {
        return Checks.SEED;
    }

    /** The sample points: the initial state and 12 more, those where E is finite (its domain). */
    protected List<double[]> points() {
        List<double[]> in = EnergyChecks.domain(energy(), Samples.points(space(), metric(), Checks.POINTS, seed()));
        if (in.isEmpty()) {
            throw new AssertionError("E is not finite at any sample point of " + space().kind());
        }
        return in;
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        ContractSupport.require(EnergyChecks.gradient(energy(), points(), seed()));
    }

    @Test
    void valueAndGradientAgreesWithValueAndGradient() {
        ContractSupport.require(EnergyChecks.valueAndGradient(energy(), points()));
    }

    @Test
    void hessianMatchesDifferencesOfTheGradient() {
        ContractSupport.require(EnergyChecks.hessian(energy(), points(), seed()));
    }

    @Test
    void finiteSumTermsAddUpToTheWhole() {
        Energy e = energy();
        Assumptions.assumeTrue(e instanceof FiniteSumEnergy, "not a finite sum");
        ContractSupport.require(EnergyChecks.finiteSum((FiniteSumEnergy) e, points(), seed()));
    }

    @Test
    void sharedInstanceIsThreadSafe() {
        ContractSupport.require(EnergyChecks.threadSafety(energy(), points()));
    }

    @Test
    void hotMethodsAllocateNothing() {
        List<double[]> pts = points();
        ContractSupport.require(EnergyChecks.allocations(energy(), pts.get(pts.size() - 1)));
    }
}
