package org.varflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varflow.api.Entropy;
import org.varflow.api.Metric;
import org.varflow.api.Noise;
import org.varflow.api.RandomStream;
import org.varflow.api.ThermalNoise;

/**
 * Noise and entropy checks on the half-plane's position-dependent metric K = y^2 I (div K = (0, 2y)), at the
 * temperature of an entropy with beta = 4.
 */
class NoiseKitTest {
    static final Metric K = HalfPlane.metric(HalfPlane.Retraction.ITO);
    static final Entropy BETA4 = () -> 4.0;

    enum Thermal implements ThermalNoise {
        INSTANCE
    }

    static Map<String, CheckResult> run(Noise noise) {
        return MetricKitTest.byName(Checks.noise(noise, K, HalfPlane.SPACE, BETA4));
    }

    @Test
    void thermalNoisePasses() {
        List<CheckResult> r = Checks.noise(Thermal.INSTANCE, K, HalfPlane.SPACE, BETA4);
        assertThat(Checks.failed(r)).as(r.toString()).isFalse();
        assertThat(MetricKitTest.byName(r).get(NoiseChecks.COVARIANCE_CHECK).status())
                .isEqualTo(CheckResult.Status.PASS);
    }

    /** Takes beta for T: right at T = 1 only; at T = 1/4 the covariance is 16 times too large. */
    @Test
    void noiseAtTheWrongTemperatureFailsTheBalance() {
        Noise wrong = new ThermalNoise() {
            @Override
            public void addIncrement(double[] x, double h, double temperature, Metric metric, RandomStream rng,
                                     double[] work, double[] out) {
                ThermalNoise.super.addIncrement(x, h, 1 / temperature, metric, rng, work, out);
            }
        };
        CheckResult c = run(wrong).get(NoiseChecks.COVARIANCE_CHECK);
        assertThat(c.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(c.where()).contains("T = 0.25", "2 T h K");
    }

    @Test
    void aCorrectionWithTheWrongSignFailsTheItoCheck() {
        Noise flipped = new ThermalNoise() {
            @Override
            public void addDriftCorrection(double[] x, double temperature, Metric metric, double[] work,
                                           double[] out) {
                ThermalNoise.super.addDriftCorrection(x, -temperature, metric, work, out);
            }
        };
        CheckResult ito = run(flipped).get(NoiseChecks.ITO_CHECK);
        assertThat(ito.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(ito.where()).contains("coordinate 2", "T div K by differences");
    }

    @Test
    void entropyChecks() {
        assertThat(Checks.failed(Checks.entropy(BETA4))).isFalse();
        Entropy inconsistent = new Entropy() {
            @Override
            public double beta() {
                return 2;
            }

            @Override
            public double temperatureAt(double t) {
                return 2; // beta, not 1/beta
            }
        };
        CheckResult t0 = MetricKitTest.byName(Checks.entropy(inconsistent)).get(EntropyChecks.T0_CHECK);
        assertThat(t0.status()).isEqualTo(CheckResult.Status.FAIL);
        Entropy none = () -> Double.POSITIVE_INFINITY;
        assertThat(Checks.failed(Checks.entropy(none))).isFalse();
    }
}
