package org.varflow.models.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.Varflow;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.core.CorePlugin;
import org.varflow.core.run.RunControl;
import org.varflow.geometry.GeometryPlugin;
import org.varflow.measures.MeasuresPlugin;
import org.varflow.models.manifold.ManifoldModelsPlugin;
import org.varflow.models.meanfield.MeanFieldPlugin;
import org.varflow.models.presets.PresetsPlugin;
import org.varflow.models.sampling.SamplingModelsPlugin;
import org.varflow.noise.NoisePlugin;
import org.varflow.schemes.SchemesPlugin;

/**
 * Every data-driven energy on a user's CSV, by the one convention of {@link DataTable}, against independent fits:
 * logistic regression against Newton's method (IRLS) written here on Commons Math, linear regression against
 * Commons Math's OLS, Bayesian linear regression against its closed-form posterior mean; the mean-field network on a
 * file of the points it would generate gives the same run bit for bit.
 */
class UserDataTest {
    static final Varflow VARFLOW = Varflow.of(List.of(new CorePlugin(), new NoisePlugin(), new GeometryPlugin(),
            new SchemesPlugin(), new MeasuresPlugin(), new ManifoldModelsPlugin(), new DataModelsPlugin(),
            new SamplingModelsPlugin(), new MeanFieldPlugin(), new PresetsPlugin()));

    @TempDir
    Path dir;

    /** 400 rows: two features, a 0/1 label drawn from the logistic model with w = (-0.5, 1.5, -2), a noise column. */
    Path logisticFile() throws Exception {
        Random r = new Random(42);
        StringBuilder csv = new StringBuilder("# made by UserDataTest\nheight,label,noise,weight\n");
        for (int i = 0; i < 400; i++) {
            double a = r.nextGaussian();
            double b = 0.5 * r.nextGaussian() + 0.3 * a;
            double p = 1 / (1 + Math.exp(-(-0.5 + 1.5 * a - 2 * b)));
            int label = r.nextDouble() < p ? 1 : 0;
            csv.append(String.format(Locale.ROOT, "%.6f,%d,%.6f,%.6f%n", a, label, r.nextGaussian(), b));
        }
        Path file = dir.resolve("people.csv");
        Files.writeString(file, csv);
        return file;
    }

    /**
     * The regularised maximum-likelihood estimate by Newton's method (IRLS): w += (X^T W X / n + lambda I)^-1
     * (X^T (y - p) / n - lambda w), until the step is below 1e-14.
     */
    static double[] irls(double[][] x, double[] y, double lambda) {
        int n = y.length;
        int d = x[0].length;
        RealMatrix design = new Array2DRowRealMatrix(x);
        RealVector w = new ArrayRealVector(d);
        for (int it = 0; it < 100; it++) {
            RealVector z = design.operate(w);
            RealMatrix h = new Array2DRowRealMatrix(d, d);
            RealVector g = w.mapMultiply(-lambda);
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(-z.getEntry(i)));
                RealVector xi = design.getRowVector(i);
                g = g.add(xi.mapMultiply((y[i] - p) / n));
                h = h.add(xi.outerProduct(xi).scalarMultiply(p * (1 - p) / n));
            }
            for (int j = 0; j < d; j++) {
                h.addToEntry(j, j, lambda);
            }
            RealVector step = new LUDecomposition(h).getSolver().solve(g);
            w = w.add(step);
            if (step.getLInfNorm() < 1e-14) {
                break;
            }
        }
        return w.toArray();
    }

    @Test
    void logisticRegressionOnAUsersFileMatchesNewtonsMethod() throws Exception {
        Path file = logisticFile();
        double lambda = 1e-3;
        // varflow: natural gradient with the Fisher metric (h = 1), columns chosen by name, an intercept
        FlowSpec spec = VARFLOW.registry().preset("natural-gradient").spec()
                .withPart(PartKind.SPACE, PartChoice.of("statistical-model").with("dimension", 3).with("x0", "0"))
                .withPart(PartKind.ENERGY, PartChoice.of("logistic-regression").with("data", file.toString())
                        .with("targetColumn", "label").with("featureColumns", "height, weight")
                        .with("lambda", lambda))
                .withSteps(40);
        double[] w = VARFLOW.run(spec, new RunControl(1), null).result().states();
        // the independent fit reads the file itself
        List<String> lines = Files.readAllLines(file);
        double[][] x = new double[400][];
        double[] y = new double[400];
        for (int i = 0; i < 400; i++) {
            String[] cells = lines.get(i + 2).split(",");
            x[i] = new double[] {1, Double.parseDouble(cells[0]), Double.parseDouble(cells[3])};
            y[i] = Double.parseDouble(cells[1]);
        }
        double[] mle = irls(x, y, lambda);
        assertThat(w).containsExactly(mle, within(1e-9));
        // plain gradient descent on the same energy ends there too
        FlowSpec gd = spec.withPart(PartKind.METRIC, "euclidean").withSteps(20_000).withDt(2.0);
        assertThat(VARFLOW.run(gd, new RunControl(1), null).result().states()).containsExactly(mle, within(1e-6));
    }

    @Test
    void linearAndBayesianRegressionOnAUsersFileMatchTheirClosedForms() throws Exception {
        Random r = new Random(3);
        StringBuilder csv = new StringBuilder("y,x1,x2\n");
        double[][] inputs = new double[60][2];
        double[] ys = new double[60];
        for (int i = 0; i < 60; i++) {
            inputs[i][0] = r.nextDouble() * 4 - 2;
            inputs[i][1] = r.nextGaussian();
            ys[i] = 1 + 0.5 * inputs[i][0] - 2 * inputs[i][1] + 0.3 * r.nextGaussian();
            csv.append(ys[i]).append(',').append(inputs[i][0]).append(',').append(inputs[i][1]).append('\n');
        }
        Path file = dir.resolve("regression.csv");
        Files.writeString(file, csv);
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(ys, inputs);
        double[] beta = ols.estimateRegressionParameters();

        FlowSpec linear = VARFLOW.registry().preset("natural-gradient").spec()
                .withPart(PartKind.SPACE, PartChoice.of("statistical-model").with("dimension", 3).with("x0", "0"))
                .withPart(PartKind.ENERGY, PartChoice.of("linear-regression").with("data", file.toString())
                        .with("targetColumn", "y"))
                .withPart(PartKind.METRIC, PartChoice.of("fisher").with("damping", 1e-12)).withSteps(3);
        assertThat(VARFLOW.run(linear, new RunControl(1), null).result().states()).containsExactly(beta,
                within(1e-9));

        // Bayesian: the posterior mean A^-1 Phi^T y / sigma^2, A = I / s0^2 + Phi^T Phi / sigma^2
        double sigma = 0.5;
        RealMatrix phi = new Array2DRowRealMatrix(60, 3);
        for (int i = 0; i < 60; i++) {
            phi.setRow(i, new double[] {1, inputs[i][0], inputs[i][1]});
        }
        RealMatrix a = phi.transpose().multiply(phi).scalarMultiply(1 / (sigma * sigma))
                .add(org.apache.commons.math3.linear.MatrixUtils.createRealIdentityMatrix(3));
        double[] mean = new LUDecomposition(a).getSolver().solve(phi.transpose().operate(new ArrayRealVector(ys))
                .mapDivide(sigma * sigma)).toArray();
        FlowSpec bayes = linear.withPart(PartKind.ENERGY, PartChoice.of("bayes-linear-regression")
                .with("data", file.toString()).with("targetColumn", "y").with("sigma", sigma));
        assertThat(VARFLOW.run(bayes.withPart(PartKind.METRIC, "euclidean").withDt(5e-3).withSteps(4000),
                new RunControl(1), null).result().states()).containsExactly(mean, within(1e-9));
        // and SGD by minibatches of the same file's rows converges to it
        FlowSpec sgd = VARFLOW.registry().preset("sgd").spec()
                .withPart(PartKind.SPACE, PartChoice.of("euclidean").with("dimension", 3).with("x0", "0"))
                .withPart(PartKind.ENERGY, PartChoice.of("bayes-linear-regression").with("data", file.toString())
                        .with("targetColumn", "y").with("sigma", sigma));
        assertThat(VARFLOW.run(sgd.withSteps(20_000), new RunControl(1), null).result().states())
                .containsExactly(mean, within(0.05));
    }

    /** A file of the 64 points the network generates (sin-3sin on [-1, 1]) gives the preset's run bit for bit. */
    @Test
    void theMeanFieldNetworkTrainsOnAFile() throws Exception {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int k = 0; k < 64; k++) {
            double x = -1 + 2.0 * k / 63;
            csv.append(x).append(',').append(org.varflow.models.meanfield.TrainingSet.target("sin-3sin", x))
                    .append('\n');
        }
        Path file = dir.resolve("pairs.csv");
        Files.writeString(file, csv);
        FlowSpec preset = VARFLOW.registry().preset("mean-field-network").spec().withSteps(50);
        FlowSpec fromFile = preset.withParam(PartKind.ENERGY, "data", file.toString());
        double[] a = VARFLOW.run(preset, new RunControl(1), null).result().states();
        double[] b = VARFLOW.run(fromFile, new RunControl(1), null).result().states();
        assertThat(b).containsExactly(a);
    }

    @Test
    void badFilesAndColumnsAreRefusedByName() throws Exception {
        Path file = logisticFile();
        FlowSpec spec = VARFLOW.registry().preset("natural-gradient").spec()
                .withPart(PartKind.SPACE, PartChoice.of("statistical-model").with("dimension", 3).with("x0", "0"));
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withPart(PartKind.ENERGY, PartChoice.of("logistic-regression")
                .with("data", file.toString()).with("targetColumn", "weight").with("featureColumns", "height,label"))))
                .hasMessageContaining("the target column 'weight' of " + file)
                .hasMessageContaining("labels are 0 or 1");
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withPart(PartKind.ENERGY, PartChoice.of("logistic-regression")
                .with("data", file.toString()).with("targetColumn", "lable"))))
                .hasMessageContaining("parameter 'targetColumn':").hasMessageContaining("has no column 'lable'");
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withPart(PartKind.ENERGY, PartChoice.of("logistic-regression")
                .with("data", file.toString()).with("targetColumn", "label"))))
                .hasMessageContaining("has 3 feature columns [height, noise, weight] plus an intercept, so the weights"
                        + " need dimension 4 but the space has dimension 3");
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withPart(PartKind.ENERGY, PartChoice.of("logistic-regression")
                .with("data", dir.resolve("nope.csv").toString())))).hasMessageContaining("no such file");
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withPart(PartKind.ENERGY, PartChoice.of("logistic-regression")
                .with("intercept", false)))).hasMessageContaining("parameter 'intercept' applies to data from a file");
        Path bare = dir.resolve("bare.csv");
        Files.writeString(bare, "1,2,0\n3,4,1\n");
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withPart(PartKind.ENERGY, PartChoice.of("linear-regression")
                .with("data", bare.toString()).with("targetColumn", "y"))))
                .hasMessageContaining("has no header row; add one");
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withPart(PartKind.ENERGY, PartChoice.of("linear-regression")
                .with("featureColumns", "a")))).hasMessageContaining("give the file with data=FILE.csv");
    }
}
