package org.varflow.models.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.FiniteSumEnergy;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.models.TestSpace;

/** The energy 'bayes-linear-regression', its data (shipped and CSV) and its exact posterior. */
class BayesLinearRegressionTest {

    @Test
    void shippedDataIsExactlyWhatTheDocumentedGeneratorWrites() throws Exception {
        try (InputStream in = RegressionData.class.getResourceAsStream(RegressionData.DEFAULT_RESOURCE)) {
            String shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(shipped).isEqualTo(RegressionData.generate(RegressionData.DEFAULT_SEED,
                    RegressionData.DEFAULT_SIZE));
        }
        RegressionData data = RegressionData.defaultData();
        assertThat(data.size()).isEqualTo(100);
        assertThat(data.inputCount()).isEqualTo(1);
    }

    @Test
    void posteriorIsTheConjugateGaussianComputedIndependently() {
        BayesLinearRegression e = new BayesLinearRegression(RegressionData.defaultData(), true, 0.5, 1.0);
        // A = I / s0^2 + Phi^T Phi / sigma^2, mu = A^-1 Phi^T y / sigma^2 with Commons Math
        double[][] x = RegressionData.defaultData().inputs();
        double[] y = RegressionData.defaultData().responses();
        RealMatrix phi = new Array2DRowRealMatrix(x.length, 2);
        for (int i = 0; i < x.length; i++) {
            phi.setEntry(i, 0, 1);
            phi.setEntry(i, 1, x[i][0]);
        }
        RealMatrix a = phi.transpose().multiply(phi).scalarMultiply(4).add(
                org.apache.commons.math3.linear.MatrixUtils.createRealIdentityMatrix(2));
        double[] mu = new LUDecomposition(a).getSolver().solve(phi.transpose().operate(new ArrayRealVector(y))
                .mapMultiply(4)).toArray();
        RealMatrix cov = new LUDecomposition(a).getSolver().getInverse();
        assertThat(e.posteriorMean()).containsExactly(new double[] {mu[0], mu[1]}, within(1e-12));
        double[] c = e.posteriorCovariance();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(c[i * 2 + j]).isCloseTo(cov.getEntry(i, j), within(1e-15));
            }
        }
        // the numbers the presets quote
        assertThat(mu[0]).isCloseTo(0.4948, within(5e-5));
        assertThat(mu[1]).isCloseTo(-1.0023, within(5e-5));
        assertThat(Math.sqrt(c[0])).isCloseTo(0.0553, within(5e-5));
        assertThat(Math.sqrt(c[3])).isCloseTo(0.0575, within(5e-5));
        assertThat(c[1] / Math.sqrt(c[0] * c[3])).isCloseTo(-0.43, within(5e-3));
        // the posterior mean is the minimiser: dE(mu) = 0
        double[] g = new double[2];
        e.gradient(e.posteriorMean(), g);
        assertThat(g).containsExactly(new double[] {0, 0}, within(1e-10));
    }

    @Test
    void termsAddUpToTheEnergyAndItsGradientMatchesFiniteDifferences() {
        FiniteSumEnergy e = new BayesLinearRegression(RegressionData.defaultData(), true, 0.7, 2.0);
        double[] w = {0.3, -0.8};
        double[] full = new double[2];
        double value = e.valueAndGradient(w, full);
        assertThat(value).isCloseTo(e.value(w), within(1e-12));
        double[] sum = new double[2];
        e.regularizerGradient(w, sum);
        double terms = (w[0] * w[0] + w[1] * w[1]) / (2 * 4.0);
        for (int i = 0; i < e.terms(); i++) {
            e.addTermGradient(i, w, 1.0, sum);
            terms += e.termValue(i, w);
        }
        assertThat(terms).isCloseTo(value, within(1e-10));
        assertThat(sum).containsExactly(full, within(1e-10));
        double[] g = new double[2];
        e.gradient(w, g);
        for (int c = 0; c < 2; c++) {
            double[] p = w.clone();
            double[] m = w.clone();
            p[c] += 1e-6;
            m[c] -= 1e-6;
            // central differences of a quadratic are exact up to rounding, |E| ~ 1e2: error ~ 1e-16 * 1e2 / 1e-6
            assertThat(g[c]).isCloseTo((e.value(p) - e.value(m)) / 2e-6, within(1e-6));
        }
    }

    @Test
    void readsCsvWithHeaderAndCommentsAndTheMatrixParameterGivesTheSameEnergy(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "# two inputs\nx1, x2, y\n0.5,1,2\n-1, 0.25, 0.5\n\n2,2,-1\n0,1,0.3\n");
        RegressionData data = RegressionData.readCsv(csv);
        assertThat(data.size()).isEqualTo(4);
        assertThat(data.inputCount()).isEqualTo(2);
        assertThat(data.responses()).containsExactly(2, 0.5, -1, 0.3);
        BayesLinearRegressionFactory f = new BayesLinearRegressionFactory();
        Energy fromMatrix = f.create(Parameters.resolve("energy", f.parameters(),
                Map.of("rows", "0.5,1,2;-1,0.25,0.5;2,2,-1;0,1,0.3")), new TestSpace(3));
        Energy fromFile = BayesLinearRegressionFactory.create(data, true, 0.5, 1.0, 3);
        Energy fromParameter = f.create(Parameters.resolve("energy", f.parameters(), Map.of("data", csv.toString())),
                new TestSpace(3));
        double[] w = {0.1, 0.2, -0.3};
        assertThat(fromMatrix.value(w)).isEqualTo(fromFile.value(w));
        assertThat(fromParameter.value(w)).isEqualTo(fromFile.value(w));
        assertThatThrownBy(() -> f.create(Parameters.resolve("energy", f.parameters(), Map.of("data", csv.toString(),
                "rows", "1,2")), new TestSpace(3))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("not both");
        // without the intercept the weights have the data's 2 dimensions
        assertThat(f.create(Parameters.resolve("energy", f.parameters(), Map.of("intercept", false,
                "rows", "0.5,1,2;-1,0.25,0.5")), new TestSpace(2))).isInstanceOf(FiniteSumEnergy.class);
    }

    @Test
    void badDataAndDimensionsAreNamed(@TempDir Path dir) throws Exception {
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "x,y\n1,2\n3,4,5\n");
        assertThatThrownBy(() -> RegressionData.readCsv(ragged)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ragged.csv, line 3").hasMessageContaining("3 cells, but the header has 2");
        assertThatThrownBy(() -> RegressionData.parse(new StringReader("x,y\n1,abc\n"), "d.csv"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> RegressionData.parse(new StringReader("# nothing\n"), "e.csv"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("holds no rows of numbers");
        assertThatThrownBy(() -> RegressionData.readCsv(dir.resolve("missing.csv")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("missing.csv: no such file or directory");
        BayesLinearRegressionFactory f = new BayesLinearRegressionFactory();
        Space three = new TestSpace(3);
        assertThatThrownBy(() -> f.create(Parameters.resolve("energy", f.parameters(), Map.of()), three))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("need dimension 2 but the space has dimension 3");
        assertThatThrownBy(() -> f.create(Parameters.resolve("energy", f.parameters(), Map.of("rows", "1;2")),
                three)).isInstanceOf(ConfigurationException.class).hasMessageContaining("at least 2 numbers");
    }
}
