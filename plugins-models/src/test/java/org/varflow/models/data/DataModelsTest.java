package org.varflow.models.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.FiniteSumEnergy;
import org.varflow.api.FisherInformation;
import org.varflow.api.Parameters;
import org.varflow.api.linalg.Lu;
import org.varflow.models.TestSpace;
import org.varflow.models.manifold.LogisticRegressionEnergyFactory;

class DataModelsTest {

    static Energy build(EnergyFactory f, int d, Map<String, ?> raw) {
        return f.create(Parameters.resolve("energy '" + f.id() + "'", f.parameters(), raw), new TestSpace(d));
    }

    @Test
    void irisIsFishersData() {
        List<Iris.Row> rows = Iris.rows();
        assertThat(rows).hasSize(150);
        assertThat(rows.stream().filter(r -> r.species().equals("setosa"))).hasSize(50);
        assertThat(rows.stream().filter(r -> r.species().equals("versicolor"))).hasSize(50);
        assertThat(rows.stream().filter(r -> r.species().equals("virginica"))).hasSize(50);
        assertThat(rows.get(0).features()).containsExactly(5.1, 3.5, 1.4, 0.2);
        // Fisher's rows 35 and 38 (the UCI copy has transcription errors there)
        assertThat(rows.get(34).features()).containsExactly(4.9, 3.1, 1.5, 0.2);
        assertThat(rows.get(37).features()).containsExactly(4.9, 3.6, 1.4, 0.1);
        double sum = rows.stream().mapToDouble(r -> r.feature(0)).sum();
        assertThat(sum / 150).isCloseTo(5.843333, within(1e-6)); // mean sepal length, as in R's summary(iris)
    }

    /** R: coef(lm(Petal.Width ~ Petal.Length, iris)) = (-0.3630755, 0.4157554). */
    @Test
    void linearRegressionOnIrisMatchesR() {
        var e = (LinearRegressionEnergyFactory.LinearRegression) build(new LinearRegressionEnergyFactory(), 2,
                Map.of("dataset", "iris"));
        double[] w = e.solve();
        assertThat(w[0]).isCloseTo(-0.3630755, within(1e-7));
        assertThat(w[1]).isCloseTo(0.4157554, within(1e-7));
        double[] g = new double[2];
        e.gradient(w, g);
        assertThat(g[0]).isCloseTo(0, within(1e-12));
        assertThat(g[1]).isCloseTo(0, within(1e-12));
    }

    @Test
    void linearRegressionGradientFisherAndTerms() {
        var e = (LinearRegressionEnergyFactory.LinearRegression) build(new LinearRegressionEnergyFactory(), 2,
                Map.of("lambda", 0.3));
        double[] w = {0.2, -0.7};
        double[] g = new double[2];
        e.gradient(w, g);
        for (int j = 0; j < 2; j++) {
            double[] p = w.clone();
            double[] q = w.clone();
            p[j] += 1e-6;
            q[j] -= 1e-6;
            assertThat(g[j]).isCloseTo((e.value(p) - e.value(q)) / 2e-6, within(1e-8));
        }
        // finite sum: E = r + sum_i f_i, dE = dr + sum_i df_i
        FiniteSumEnergy f = e;
        double s = 0.5 * 0.3 * (w[0] * w[0] + w[1] * w[1]);
        double[] g2 = new double[2];
        f.regularizerGradient(w, g2);
        for (int i = 0; i < f.terms(); i++) {
            s += f.termValue(i, w);
            f.addTermGradient(i, w, 1, g2);
        }
        assertThat(s).isCloseTo(e.value(w), within(1e-12));
        assertThat(g2[0]).isCloseTo(g[0], within(1e-12));
        assertThat(g2[1]).isCloseTo(g[1], within(1e-12));
        // Fisher = Phi^T Phi / n, Hessian = Fisher + lambda I, against central differences of the gradient
        double[] fisher = new double[4];
        ((FisherInformation) e).fisher(w, fisher);
        double[] hess = new double[4];
        e.hessian(w, hess);
        double[] fd = new double[4];
        new Energy() { // the interface's default Hessian: central differences of the gradient
            @Override
            public double value(double[] x) {
                return e.value(x);
            }

            @Override
            public void gradient(double[] x, double[] out) {
                e.gradient(x, out);
            }
        }.hessian(w, fd);
        for (int k = 0; k < 4; k++) {
            assertThat(hess[k]).isCloseTo(fd[k], within(1e-6));
            assertThat(hess[k]).isCloseTo(fisher[k] + (k % 3 == 0 ? 0.3 : 0), within(1e-12));
        }
        // the minimiser of the ridge problem has zero gradient
        e.gradient(e.solve(), g);
        assertThat(Math.hypot(g[0], g[1])).isLessThan(1e-12);
    }

    @Test
    void linearRegressionReadsCsvLikeInlineRows(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "# two inputs\nx1,x2,y\n0,1,1\n1,0,2\n1,1,2.5\n2,1,4.1\n");
        EnergyFactory f = new LinearRegressionEnergyFactory();
        var fromFile = (LinearRegressionEnergyFactory.LinearRegression) build(f, 3, Map.of("data", csv.toString()));
        var fromRows = (LinearRegressionEnergyFactory.LinearRegression) build(f, 3,
                Map.of("rows", "0,1,1;1,0,2;1,1,2.5;2,1,4.1"));
        assertThat(fromFile.solve()).containsExactly(fromRows.solve());
        assertThatThrownBy(() -> build(f, 2, Map.of("data", csv.toString())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("need dimension 3 but the space has dimension 2");
        assertThatThrownBy(() -> build(f, 2, Map.of("lambda", -1)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("lambda");
    }

    /** Newton steps w -= (F + lambda I)^-1 dE (F + lambda I is the Hessian of logistic regression). */
    static double[] fitLogistic(LogisticRegressionEnergyFactory.LogisticRegression e, int d) {
        double[] w = new double[d];
        double[] g = new double[d];
        double[] h = new double[d * d];
        for (int it = 0; it < 30; it++) {
            e.gradient(w, g);
            e.fisher(w, h);
            for (int j = 0; j < d; j++) {
                h[j * d + j] += e.lambda();
            }
            double[] a = h.clone();
            double[] b = g.clone();
            assertThat(Lu.solveInPlace(a, b, d)).isTrue();
            for (int j = 0; j < d; j++) {
                w[j] -= b[j];
            }
        }
        e.gradient(w, g);
        for (double v : g) {
            assertThat(v).isCloseTo(0, within(1e-10));
        }
        return w;
    }

    static double accuracy(LogisticRegressionEnergyFactory.LogisticRegression e, double[] w, int d) {
        double[] a = e.features();
        double[] y = e.labels();
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            double z = 0;
            for (int j = 0; j < d; j++) {
                z += a[i * d + j] * w[j];
            }
            if ((z > 0) == (y[i] == 1.0)) {
                right++;
            }
        }
        return (double) right / y.length;
    }

    /**
     * Setosa against versicolor on sepal length and width (intercept + 2 weights, lambda = 1e-3): the fitted model
     * classifies all 100 flowers; versicolor against virginica on all four measurements (not separable) at least 95%.
     */
    @Test
    void logisticRegressionClassifiesIris() {
        EnergyFactory f = new LogisticRegressionEnergyFactory();
        var easy = (LogisticRegressionEnergyFactory.LogisticRegression) build(f, 3, Map.of("data", "iris"));
        assertThat(easy.terms()).isEqualTo(100);
        double[] w = fitLogistic(easy, 3);
        double acc = accuracy(easy, w, 3);
        var hard = (LogisticRegressionEnergyFactory.LogisticRegression) build(f, 5,
                Map.of("data", "iris", "classes", "versicolor-virginica"));
        double[] w2 = fitLogistic(hard, 5);
        double acc2 = accuracy(hard, w2, 5);
        System.out.printf("iris logistic: setosa/versicolor (sepal) accuracy %.3f, w = %s; versicolor/virginica (all"
                + " four) %.3f%n", acc, java.util.Arrays.toString(w), acc2);
        assertThat(acc).isEqualTo(1.0);
        assertThat(acc2).isGreaterThanOrEqualTo(0.95);
        assertThatThrownBy(() -> build(f, 6, Map.of("data", "iris")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("dimension 2..5 (got 6)");
    }
}
