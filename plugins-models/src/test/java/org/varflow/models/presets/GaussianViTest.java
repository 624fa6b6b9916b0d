package org.varflow.models.presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartKind;
import org.varflow.core.CorePlugin;
import org.varflow.Varflow;
import org.varflow.core.run.RunControl;
import org.varflow.geometry.GeometryPlugin;
import org.varflow.models.ModelsPlugin;
import org.varflow.models.sampling.BayesLinearRegression;
import org.varflow.models.sampling.RegressionData;
import org.varflow.models.sampling.SamplingModelsPlugin;
import org.varflow.noise.NoisePlugin;

/** Gaussian VI under Fisher-Rao and Bures-Wasserstein recovers the exact Bayesian linear regression posterior. */
class GaussianViTest {
    static final Varflow VARFLOW = Varflow.of(List.of(new CorePlugin(), new NoisePlugin(), new ModelsPlugin(),
            new SamplingModelsPlugin(), new GeometryPlugin(), new PresetsPlugin()));
    static final BayesLinearRegression MODEL = new BayesLinearRegression(RegressionData.defaultData(), true, 0.5, 1.0);
    static final double[] MEAN = MODEL.posteriorMean();
    static final double[] COV = MODEL.posteriorCovariance();
    static final double[] PRECISION = MODEL.posteriorPrecision();

    static FlowSpec preset(String metric) {
        return VARFLOW.registry().preset("gaussian-vi").spec().withPart(PartKind.METRIC, metric);
    }

    static Varflow.Outcome run(FlowSpec spec) {
        return VARFLOW.run(spec, new RunControl(1), null);
    }

    /** KL(N(mu, Sigma) || N(m_N, S_N)) in closed form, d = 2. */
    static double kl(double[] x) {
        double[] s = {x[2], x[3], x[4], x[5]};
        double tr = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                tr += PRECISION[i * 2 + j] * s[j * 2 + i];
            }
        }
        double q = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                q += (x[i] - MEAN[i]) * PRECISION[i * 2 + j] * (x[j] - MEAN[j]);
            }
        }
        double detS = s[0] * s[3] - s[1] * s[2];
        double detCov = COV[0] * COV[3] - COV[1] * COV[2];
        return 0.5 * (tr + q - 2 + Math.log(detCov / detS));
    }

    @Test
    void posteriorPrecisionEigenvaluesBoundTheStep() {
        double a = PRECISION[0];
        double b = PRECISION[1];
        double c = PRECISION[3];
        double mid = (a + c) / 2;
        double rad = Math.sqrt((a - c) * (a - c) / 4 + b * b);
        System.out.printf("gaussian-vi target: posterior mean %s, precision eigenvalues %.2f %.2f%n",
                java.util.Arrays.toString(MEAN), mid - rad, mid + rad);
        assertThat(VariationalPresets.DT * (mid + rad)).isLessThan(1);
    }

    @Test
    void bothGeometriesRecoverTheExactPosterior() {
        for (String metric : List.of("fisher-rao-gaussian", "bures-wasserstein")) {
            Varflow.Outcome outcome = run(preset(metric));
            double[] x = outcome.result().particle(0);
            System.out.printf("gaussian-vi %s: mu = (%.10f, %.10f), Sigma = (%.6e, %.6e, %.6e), KL = %.3e%n", metric,
                    x[0], x[1], x[2], x[3], x[5], kl(x));
            for (int i = 0; i < 2; i++) {
                assertThat(x[i]).as(metric + " mu" + i).isCloseTo(MEAN[i], within(1e-9));
            }
            for (int i = 0; i < 4; i++) {
                assertThat(x[2 + i]).as(metric + " Sigma" + i).isCloseTo(COV[i], within(1e-9 * COV[0]));
            }
            assertThat(kl(x)).isLessThan(1e-12);
        }
    }

    @Test
    void klDecreasesMonotonicallyAndTheGeometriesTakeDifferentPaths() {
        double[] times = {0.0005, 0.002, 0.01, 0.03, 0.1, 0.3, 1, 3};
        double[][] kls = new double[2][times.length];
        double[][] mus = new double[2][];
        String[] metrics = {"fisher-rao-gaussian", "bures-wasserstein"};
        for (int m = 0; m < 2; m++) {
            Varflow.Outcome outcome = run(preset(metrics[m]).withTime(3.0).withEvery(1));
            @SuppressWarnings("unchecked")
            Map<String, Object> diagnostics = (Map<String, Object>) outcome.summary().toMap().get("diagnostics");
            assertThat(((Number) diagnostics.get("energyIncreases")).intValue()).as(metrics[m]).isZero();
            double previous = kl(VARFLOW.assemble(preset(metrics[m])).flow().space().initialState());
            for (int k = 0; k < times.length; k++) {
                double[] x = run(preset(metrics[m]).withTime(times[k])).result().particle(0);
                kls[m][k] = kl(x);
                if (previous > 1e-12) {
                    assertThat(kls[m][k]).as(metrics[m] + " t = " + times[k]).isLessThan(previous);
                } else { // converged to rounding
                    assertThat(kls[m][k]).as(metrics[m] + " t = " + times[k]).isLessThan(1e-12);
                }
                previous = kls[m][k];
                if (k == 2) {
                    mus[m] = x;
                }
            }
            System.out.printf("gaussian-vi %s KL at t = %s: %s%n", metrics[m], java.util.Arrays.toString(times),
                    java.util.Arrays.toString(kls[m]));
        }
        System.out.printf("at t = 0.01: Fisher-Rao mu = (%.4f, %.4f) Sigma11 = %.4e; Bures-Wasserstein mu = (%.4f, "
                + "%.4f)"
                + " Sigma11 = %.4e%n", mus[0][0], mus[0][1], mus[0][2], mus[1][0], mus[1][1], mus[1][2]);
        double gap = Math.hypot(mus[0][0] - mus[1][0], mus[0][1] - mus[1][1]);
        assertThat(gap).isGreaterThan(0.05);
        assertThat(Math.abs(kls[0][2] - kls[1][2])).isGreaterThan(0.1 * Math.min(kls[0][2], kls[1][2]));
    }

    @Test
    void fisherRaoWithUnitStepIsExactInOneStep() {
        double[] x = run(preset("fisher-rao-gaussian").withDt(1.0).withSteps(1)).result().particle(0);
        assertThat(x[0]).isCloseTo(MEAN[0], within(1e-12));
        assertThat(x[1]).isCloseTo(MEAN[1], within(1e-12));
        assertThat(x[3]).isCloseTo(COV[1], within(1e-15));
    }

    @Test
    void monteCarloExpectationsAreExactForQuadraticTargets() {
        FlowSpec spec = preset("bures-wasserstein").withParam(PartKind.SPACE, "expectations", "monte-carlo")
                .withParam(PartKind.SPACE, "samples", 8).withTime(5.0);
        double[] x = run(spec).result().particle(0);
        assertThat(x[0]).isCloseTo(MEAN[0], within(1e-9));
        assertThat(x[1]).isCloseTo(MEAN[1], within(1e-9));
        assertThat(x[2]).isCloseTo(COV[0], within(1e-9 * COV[0]));
    }

    @Test
    void monteCarloOnANonGaussianTargetDecreasesTheFreeEnergy() {
        FlowSpec spec = preset("bures-wasserstein").withParam(PartKind.SPACE, "expectations", "monte-carlo")
                .withParam(PartKind.SPACE, "dimension", 1).withParam(PartKind.SPACE, "mean", "0.5")
                .withPart(PartKind.ENERGY, "double-well").withDt(0.01).withTime(5.0).withEvery(1);
        Varflow.Outcome outcome = run(spec);
        @SuppressWarnings("unchecked")
        Map<String, Object> diagnostics = (Map<String, Object>) outcome.summary().toMap().get("diagnostics");
        assertThat(((Number) diagnostics.get("energyIncreases")).intValue()).isZero();
        double[] x = outcome.result().particle(0);
        System.out.printf("gaussian-vi monte-carlo on double-well: mu = %.4f, sigma^2 = %.4f, F %.4f -> %.4f%n", x[0],
                x[1], ((Number) outcome.summary().toMap().get("energyInitial")).doubleValue(),
                ((Number) outcome.summary().toMap().get("energy")).doubleValue());
        assertThat(x[1]).isPositive();
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withParam(PartKind.SPACE, "expectations", "quadratic")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("space 'gaussian'")
                .hasMessageContaining("expectations=monte-carlo");
    }

    @Test
    void badParametersAreNamed() {
        FlowSpec spec = preset("bures-wasserstein");
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withParam(PartKind.SPACE, "covariance", "1,-1")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not positive definite");
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withParam(PartKind.SPACE, "covariance", "1,2,3")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'covariance' has 3 entries");
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withParam(PartKind.SPACE, "samples", 7)
                        .withParam(PartKind.SPACE, "expectations", "monte-carlo")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("even");
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withPart(PartKind.SPACE, "euclidean")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("bures-wasserstein");
    }
}
