package org.varflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varflow.RunSummary;
import org.varflow.api.PartKind;

/** Every example of docs/java-api.md runs, and gives what the page says, checked against closed forms. */
class ExamplesTest {
    private static final int N = 20_000;

    /** 5 standard errors of a sample mean of N draws of variance v. */
    private static double meanTolerance(double v) {
        return 5 * Math.sqrt(v / N);
    }

    /** 5 standard errors of a sample variance of N draws of variance v. */
    private static double varianceTolerance(double v) {
        return 5 * v * Math.sqrt(2.0 / (N - 1));
    }

    @Test
    void quickStartSamplesTheOrnsteinUhlenbeckLaw() {
        RunSummary s = QuickStart.run();
        // OU from x0 = 1 at T = 1: mean e^-t, variance (1 - e^-2t) with Euler-Maruyama's factor 1 / (1 - h/2)
        double variance = (1 - Math.exp(-10)) / (1 - 0.005);
        assertThat(s.state().mean()[0]).isCloseTo(Math.exp(-5), within(meanTolerance(variance)));
        assertThat(s.state().covariance(0, 0)).isCloseTo(variance, within(varianceTolerance(variance)));
    }

    @Test
    void aLambdaEnergySamplesItsGibbsLaw() {
        RunSummary s = OwnEnergy.run();
        double variance = 0.5 / (1 - 0.01 / 2); // T / (1 - h/2)
        assertThat(s.state().mean()[0]).isCloseTo(0.5, within(meanTolerance(variance)));
        assertThat(s.state().covariance(0, 0)).isCloseTo(variance, within(varianceTolerance(variance)));
        assertThat(s.part(PartKind.ENERGY).id()).isEqualTo("shifted");
    }

    @Test
    void newtonsMetricLandsOnTheMinimumInOneStep() {
        Map<String, Double> e = TwoMetrics.run();
        // Euclidean: x1 = 0.981^100, x2 = (-0.9)^100, E = (x1^2 + 100 x2^2) / 2
        double x1 = Math.pow(1 - 0.019, 100);
        double x2 = Math.pow(1 - 1.9, 100);
        assertThat(e.get("euclidean")).isCloseTo(0.5 * (x1 * x1 + 100 * x2 * x2), within(1e-12));
        assertThat(e.get("diagonal")).isEqualTo(0.0);
    }

    @Test
    void aWatchedRunStopsWhereItWasToldTo() {
        Watching.Watched w = Watching.run();
        assertThat(w.summary().diagnostics().stoppedEarly()).isTrue();
        assertThat(w.summary().time()).isGreaterThanOrEqualTo(5.0).isLessThan(100.0);
        assertThat(w.energies()).hasSizeGreaterThan(5);
        // from x0 = 1 (a minimum, E = 0) the ensemble warms up to the Gibbs mean of E = (x^2 - 1)^2 / 4 at T = 1
        // (by quadrature); 5 SE of a mean of 10 000 energies, plus 0.01 for Euler-Maruyama's bias and t = 5
        double z = 0;
        double e1 = 0;
        double e2 = 0;
        for (double x = -6; x <= 6; x += 1e-4) {
            double e = (x * x - 1) * (x * x - 1) / 4;
            double w0 = Math.exp(-e);
            z += w0;
            e1 += e * w0;
            e2 += e * e * w0;
        }
        double mean = e1 / z;
        double sd = Math.sqrt(e2 / z - mean * mean);
        assertThat(w.energies().get(0)).isEqualTo(0.0);
        assertThat(w.energies().get(w.energies().size() - 1)).isCloseTo(mean, within(5 * sd / 100 + 0.01));
    }

    @Test
    void aUsersMetricKeepsTheGibbsLaw() {
        RunSummary s = UseYourMetric.run();
        // the Ito correction makes N(0, 1) stationary for any K; the EM bias at |x| ~ 1 is O(h) = 1e-2 or less,
        // well inside 5 SE (2.2e-2 on the variance)
        assertThat(s.part(PartKind.METRIC).id()).isEqualTo("soft-walls");
        assertThat(s.state().mean()[0]).isCloseTo(0.0, within(meanTolerance(1.0)));
        assertThat(s.state().covariance(0, 0)).isCloseTo(1.0, within(varianceTolerance(1.0) + 0.01));
    }
}
