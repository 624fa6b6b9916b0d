package org.varflow.geometry.fisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.FlowSpec;
import org.varflow.api.Metric;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.api.Space;
import org.varflow.testkit.MetricContract;
import org.varflow.geometry.testing.Runs;
import org.varflow.geometry.testing.Spaces;
import org.varflow.geometry.testing.TestModels;

class FisherMetricTest {
    static final String A = "3,1,0;1,2,0.5;0,0.5,1";

    static StatisticalModelSpaceFactory.ModelSpace modelSpace(String x0) {
        return (StatisticalModelSpaceFactory.ModelSpace) Spaces.space(new StatisticalModelSpaceFactory(),
                Map.of("dimension", 3, "x0", x0));
    }

    /** A fisher metric bound to {@code energy} (test energy id) through the space, as the assembler does it. */
    static Metric bound(String energyId, Map<String, Object> metricParams, String x0) {
        StatisticalModelSpaceFactory.ModelSpace space = modelSpace(x0);
        Metric m = Spaces.metric(new FisherMetricFactory(), metricParams, space);
        space.lift(energy(energyId, space));
        return m;
    }

    static Energy energy(String id, Space space) {
        var f = new TestModels().energies().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
        Map<String, Object> params = id.equals("test-fisher-quadratic") ? Map.of("A", A) : Map.of();
        return f.create(org.varflow.api.Parameters.resolve("energy", f.parameters(), params), space);
    }

    @Nested
    class ModelFisherContract extends MetricContract {
        @Override
        protected Metric metric() {
            return bound("test-fisher-quadratic", Map.of("damping", 0.0), "1,-1,2");
        }

        @Override
        protected Space space() {
            return modelSpace("1,-1,2");
        }
    }

    @Nested
    class EmpiricalFisherContract extends MetricContract {
        @Override
        protected Metric metric() {
            return bound("test-least-squares", Map.of("damping", 1e-3), "1,-1,2");
        }

        @Override
        protected Space space() {
            return modelSpace("1,-1,2");
        }
    }

    @Test
    void needsTheStatisticalModelSpace() {
        assertThatThrownBy(() -> Spaces.metric(new FisherMetricFactory(), Map.of(), Spaces.euclidean(0, 0, 0)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("statistical-model");
    }

    @Test
    void refusesAnEnergyWithoutFisherInformationBeforeRunning() {
        FlowSpec spec = Runs.spec(PartChoice.of("statistical-model").with("dimension", 2),
                PartChoice.of("fisher"), PartChoice.of("test-quadratic"), PartChoice.of("euler"), 1, 0.1);
        assertThatThrownBy(() -> Runs.varflow().assemble(spec)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("neither knows its Fisher information nor is a finite sum");
        FlowSpec model = spec.withPart(PartKind.ENERGY, "test-least-squares")
                .withPart(PartKind.METRIC, PartChoice.of("fisher").with("source", "model"));
        assertThatThrownBy(() -> Runs.varflow().assemble(model)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("source = model");
    }

    /**
     * With F = A = Hess E, natural gradient is Newton's flow x' = -(x - x*): each Euler step multiplies the error by
     * (1 - h) in every direction, x_k - x* = (1 - h)^k (x0 - x*), checked to 1e-12 after 30 steps of h = 0.3.
     */
    @Test
    void naturalGradientOnAQuadraticIsNewtonsFlow() {
        FlowSpec spec = Runs.spec(PartChoice.of("statistical-model").with("dimension", 3).with("x0", "1,-1,2"),
                PartChoice.of("fisher").with("damping", 0.0), PartChoice.of("test-fisher-quadratic").with("A", A)
                        .with("b", "1,0,-1"), PartChoice.of("euler"), 30, 0.3);
        List<Double> x = Runs.get(Runs.run(spec).summary().toMap(), "state", "x");
        double[] star = new LUDecomposition(new Array2DRowRealMatrix(new double[][] {{3, 1, 0}, {1, 2, 0.5},
            {0, 0.5, 1}})).getSolver().solve(new ArrayRealVector(new double[] {1, 0, -1})).toArray();
        double[] x0 = {1, -1, 2};
        for (int i = 0; i < 3; i++) {
            assertThat(x.get(i)).isCloseTo(star[i] + Math.pow(0.7, 30) * (x0[i] - star[i]), within(1e-12));
        }
    }

    /**
     * The empirical Fisher of a finite sum with terms f_i = r_i^2 / 2n (mean convention): F = n sum df_i df_i^T =
     * (1/n) sum r_i^2 a_i a_i^T; K = (F + delta I)^-1 from the metric against Commons Math's LU solve, to 1e-10.
     */
    @Test
    void empiricalFisherIsTheSumOfScoreOuterProducts() {
        double delta = 1e-3;
        double[] x = {0.3, -0.2, 0.5};
        StatisticalModelSpaceFactory.ModelSpace space = modelSpace("0");
        Metric m = Spaces.metric(new FisherMetricFactory(), Map.of("damping", delta), space);
        TestModels.LeastSquares ls = (TestModels.LeastSquares) energy("test-least-squares", space);
        space.lift(ls);
        double[][] f = new double[3][3];
        int n = ls.terms();
        for (int i = 0; i < n; i++) {
            double r = ls.residual(i, x);
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    f[a][b] += r * r * ls.row(i, a) * ls.row(i, b) / n;
                }
            }
        }
        for (int a = 0; a < 3; a++) {
            f[a][a] += delta;
        }
        double[] k = MetricContract.matrixOfK(m, x);
        var inverse = new LUDecomposition(new Array2DRowRealMatrix(f)).getSolver().getInverse();
        double scale = inverse.getNorm();
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertThat(k[a * 3 + b]).isCloseTo(inverse.getEntry(a, b), within(1e-10 * scale));
            }
        }
        // the 'sum' convention is n times smaller: F_sum = F_mean / n
        Metric sum = Spaces.metric(new FisherMetricFactory(), Map.of("damping", delta, "empirical", "sum"), space);
        space.lift(ls);
        double[] ks = MetricContract.matrixOfK(sum, x);
        for (int a = 0; a < 3; a++) {
            f[a][a] -= delta;
            for (int b = 0; b < 3; b++) {
                f[a][b] /= n;
            }
            f[a][a] += delta;
        }
        var inverseSum = new LUDecomposition(new Array2DRowRealMatrix(f)).getSolver().getInverse();
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertThat(ks[a * 3 + b]).isCloseTo(inverseSum.getEntry(a, b), within(1e-10 * inverseSum.getNorm()));
            }
        }
    }
}
