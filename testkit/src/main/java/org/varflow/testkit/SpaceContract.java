package org.varflow.testkit;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.varflow.api.Metric;
import org.varflow.api.Space;

/**
 * The contract every space must meet, as a JUnit 5 base class: extend it, return the space (and a metric whose
 * retraction walks it, for the sample points), and each check of {@link SpaceChecks} runs as one test: what it
 * contains (a {@link org.varflow.api.ConstrainedSpace} or every finite state), the initial state inside and
 * reproducible, sample points inside, the tangent projection consistent with the constraint, coordinate names, the
 * lift of base energies.
 */
public abstract class SpaceContract {
    /** The space under test. */
    protected abstract Space space();

    /** A metric whose retraction makes the sample points (null: perturbations of the initial state). */
    protected Metric metric() {
        return null;
    }

    protected long seed() {
        return Checks.SEED;
    }

    protected List<double[]> points() {
        return Samples.points(space(), metric(), Checks.POINTS, seed());
    }

    @Test
    void initialStateIsInsideAndReproducible() {
        ContractSupport.require(SpaceChecks.initialState(space()));
    }

    @Test
    void samplePointsAreInside() {
        ContractSupport.require(SpaceChecks.samplesInside(space(), points()));
    }

    @Test
    void tangentProjectionIsConsistent() {
        ContractSupport.require(SpaceChecks.tangent(space(), points(), seed()));
    }

    @Test
    void coordinateNamesAreDistinct() {
        ContractSupport.require(SpaceChecks.names(space()));
    }

    @Test
    void baseEnergiesLift() {
        ContractSupport.require(SpaceChecks.lift(space()));
    }
}
