package org.varflow.testkit;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.varflow.api.Entropy;
import org.varflow.api.Metric;
import org.varflow.api.Noise;
import org.varflow.api.Space;

/**
 * The contract every noise must meet, as a JUnit 5 base class: extend it, return the noise, a metric and its space,
 * and the entropy whose temperature the noise will be given; each check of {@link NoiseChecks} runs as one test:
 * the increment covariance 2 T h K (fluctuation-dissipation) at the entropy's temperature and four times it, nothing
 * at T = 0, the Ito correction T div K against differences of K, no allocation (a warning).
 */
public abstract class NoiseContract {
    protected abstract Noise noise();

    protected abstract Metric metric();

    protected abstract Space space();

    /** The entropy the temperature comes from (by default beta = 4: T = 1/4, so a noise that ignores T fails). */
    protected Entropy entropy() {
        return () -> 4.0;
    }

    protected long seed() {
        return Checks.SEED;
    }

    protected List<double[]> points() {
        return Samples.points(space(), metric(), 3, seed());
    }

    private double temperature() {
        double t = entropy().temperatureAt(0);
        return t > 0 && Double.isFinite(t) ? t : 1;
    }

    @Test
    void incrementCovarianceIsTwoThK() {
        ContractSupport.require(NoiseChecks.covariance(noise(), metric(), temperature(), points(), seed()));
    }

    @Test
    void nothingIsAddedAtZeroTemperature() {
        ContractSupport.require(NoiseChecks.zeroTemperature(noise(), metric(), points().get(0), seed()));
    }

    @Test
    void itoCorrectionIsTDivK() {
        ContractSupport.require(NoiseChecks.itoCorrection(noise(), metric(), temperature(), points(), seed()));
    }

    @Test
    void hotMethodsAllocateNothing() {
        ContractSupport.require(NoiseChecks.allocations(noise(), metric(), temperature(), points().get(0), seed()));
    }
}
