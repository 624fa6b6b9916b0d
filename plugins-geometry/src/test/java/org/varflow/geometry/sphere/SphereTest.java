package org.varflow.geometry.sphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.Metric;
import org.varflow.api.Parameters;
import org.varflow.api.PartChoice;
import org.varflow.api.Space;
import org.varflow.testkit.MetricContract;
import org.varflow.geometry.testing.Runs;

class SphereTest {

    static Space sphere(int d, String x0) {
        SphereSpaceFactory f = new SphereSpaceFactory();
        return f.create(Parameters.resolve("space", f.parameters(), Map.of("dimension", d, "x0", x0)));
    }

    static Metric metric(String retraction) {
        SphereMetricFactory f = new SphereMetricFactory();
        return f.create(Parameters.resolve("metric", f.parameters(), Map.of("retraction", retraction)),
                sphere(4, "1"));
    }

    @Nested
    class NormalizeContract extends MetricContract {
        @Override
        protected Metric metric() {
            return SphereTest.metric("normalize");
        }

        @Override
        protected Space space() {
            return sphere(4, "1,2,3,4");
        }
    }

    @Nested
    class ExpContract extends MetricContract {
        @Override
        protected Metric metric() {
            return SphereTest.metric("exp");
        }

        @Override
        protected Space space() {
            return sphere(4, "1,-2,0.5,4");
        }
    }

    @Test
    void initialPointIsNormalisedAndZeroIsRefused() {
        assertThat(sphere(3, "3,0,4").initialState()).containsExactly(new double[] {0.6, 0, 0.8}, within(1e-16));
        assertThatThrownBy(() -> sphere(3, "0")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("non-zero");
    }

    @Test
    void expRetractionFollowsTheGreatCircle() {
        // from e1 along e2 by angle 1: cos 1 e1 + sin 1 e2, exactly on the circle
        double[] out = new double[3];
        metric("exp").retract(new double[] {1, 0, 0}, new double[] {0, 1, 0}, out);
        assertThat(out).containsExactly(new double[] {Math.cos(1), Math.sin(1), 0}, within(1e-15));
        // a normal component of v is ignored (projected away)
        metric("exp").retract(new double[] {1, 0, 0}, new double[] {5, 1, 0}, out);
        assertThat(out).containsExactly(new double[] {Math.cos(1), Math.sin(1), 0}, within(1e-15));
    }

    /** A random symmetric 5 x 5 matrix with eigenvalues 1, 2, 3, 4, 5 (Q diag Q^T, Q from a seeded QR). */
    static double[][] randomMatrix(long seed) {
        Random rnd = new Random(seed);
        double[][] g = new double[5][5];
        for (double[] row : g) {
            for (int j = 0; j < 5; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        RealMatrix q = new QRDecomposition(new Array2DRowRealMatrix(g)).getQ();
        RealMatrix a = q.multiply(MatrixUtils.createRealDiagonalMatrix(new double[] {1, 2, 3, 4, 5}))
                .multiply(q.transpose());
        double[][] m = a.getData();
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (m[i][j] + m[j][i]);
                m[i][j] = s;
                m[j][i] = s;
            }
        }
        return m;
    }

    static String rows(double[][] m) {
        StringBuilder s = new StringBuilder();
        for (double[] row : m) {
            if (s.length() > 0) {
                s.append(';');
            }
            for (int j = 0; j < row.length; j++) {
                s.append(j == 0 ? "" : ",").append(Double.toString(row[j]));
            }
        }
        return s.toString();
    }

    /**
     * Euler on the sphere for E = x^T A x / 2: the angle to the lowest eigenvector shrinks by about
     * 1 - h (lambda_2 - lambda_1) = 0.95 per step, so after 2000 steps (t = 100) the error is below rounding; the fixed
     * point of the iteration is exactly the eigenvector (P A v = 0), so the comparison with Commons Math's
     * eigenvector is at the level of its own accuracy (1e-10 allowed). |x| = 1 at every step to 1e-12: the
     * retraction renormalises, leaving only the rounding of one normalisation (~1e-16).
     */
    @ParameterizedTest
    @ValueSource(strings = {"normalize", "exp"})
    void rayleighFlowFindsTheLowestEigenvectorAndStaysOnTheSphere(String retraction) {
        double[][] a = randomMatrix(7);
        FlowSpec spec = Runs.spec(PartChoice.of("sphere").with("dimension", 5).with("x0", "1,1,1,1,1"),
                PartChoice.of("sphere").with("retraction", retraction),
                PartChoice.of("test-rayleigh").with("A", rows(a)), PartChoice.of("euler"), 2000, 0.05);
        List<double[]> states = Runs.trajectory(spec);
        for (double[] x : states) {
            double n = Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3] + x[4] * x[4]);
            assertThat(Math.abs(n - 1)).isLessThanOrEqualTo(1e-12);
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(a));
        int lowest = 0;
        double[] lambda = eig.getRealEigenvalues();
        for (int i = 1; i < lambda.length; i++) {
            if (lambda[i] < lambda[lowest]) {
                lowest = i;
            }
        }
        double[] v = eig.getEigenvector(lowest).toArray();
        double[] x = states.get(states.size() - 1);
        double sign = Math.signum(x[0] * v[0] + x[1] * v[1] + x[2] * v[2] + x[3] * v[3] + x[4] * v[4]);
        for (int i = 0; i < 5; i++) {
            assertThat(x[i]).isCloseTo(sign * v[i], within(1e-10));
        }
        assertThat(lambda[lowest]).isCloseTo(1.0, within(1e-12));
    }
}
