package org.varflow.models.manifold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.FisherInformation;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceKinds;
import org.varflow.testkit.Allocations;

class ManifoldEnergiesTest {

    /** A space of any kind for tests. */
    record KindSpace(String kind, int dimension, double[] x0) implements Space {
        @Override
        public double[] initialState() {
            return x0.clone();
        }
    }

    static Energy build(String id, Space space, Map<String, ?> params) {
        EnergyFactory f = new ManifoldModelsPlugin().energies().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow();
        return f.create(Parameters.resolve("energy '" + id + "'", f.parameters(), params), space);
    }

    /** One point of each supported kind, inside the domain. */
    static double[] pointOn(String kind, int d, Random rnd) {
        double[] x = new double[d];
        double s = 0;
        for (int i = 0; i < d; i++) {
            x[i] = kind.equals(SpaceKinds.SIMPLEX) || kind.equals(SpaceKinds.POSITIVE_ORTHANT) ? 0.2 + rnd.nextDouble()
                    : rnd.nextGaussian();
            s += kind.equals(SpaceKinds.SIMPLEX) ? x[i] : x[i] * x[i];
        }
        for (int i = 0; i < d; i++) {
            if (kind.equals(SpaceKinds.SIMPLEX)) {
                x[i] /= s;
            } else if (kind.equals(SpaceKinds.SPHERE)) {
                x[i] /= Math.sqrt(s);
            } else if (kind.equals(SpaceKinds.POINCARE_BALL)) {
                x[i] *= 0.7 / Math.sqrt(s);
            }
        }
        return x;
    }

    static Stream<Arguments> energiesOnTheirSpaces() {
        List<Arguments> out = new ArrayList<>();
        for (EnergyFactory f : new ManifoldModelsPlugin().energies()) {
            for (String kind : f.spaces()) {
                int d = f.id().equals("gaussian-fit") ? 5 : 4;
                out.add(Arguments.of(f.id(), kind, d));
            }
        }
        out.add(Arguments.of("gaussian-fit", Space.EUCLIDEAN, 2));
        return out.stream();
    }

    @Test
    void everyEnergyDescribesItself() {
        for (EnergyFactory f : new ManifoldModelsPlugin().energies()) {
            assertThat(f.id()).matches("[a-z][a-z0-9-]*");
            assertThat(f.summary()).as(f.id()).isNotBlank();
            assertThat(f.formula()).as(f.id()).startsWith("E(");
            assertThat(f.spaces()).as(f.id()).isNotEmpty();
            for (Parameter p : f.parameters()) {
                assertThat(p.meaning()).as(f.id() + "." + p.name()).isNotBlank();
            }
        }
    }

    /**
     * dE against central differences (step 1e-6: truncation ~1e-12 |E'''|, rounding ~1e-16 |E| / 1e-6 = 1e-10), at
     * three seeded points of each supported space kind, to 1e-6 max(1, |dE|); the gaussian fit at points near its
     * start (Sigma must stay positive definite). Also: the gradient allocates nothing.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("energiesOnTheirSpaces")
    void gradientMatchesFiniteDifferences(String id, String kind, int d) {
        Energy e = build(id, new KindSpace(kind, d, new double[d]), Map.of());
        Random rnd = new Random(11);
        for (int trial = 0; trial < 3; trial++) {
            double[] x = id.equals("gaussian-fit") ? gaussianPoint(d, rnd) : pointOn(kind, d, rnd);
            double[] g = new double[d];
            e.gradient(x, g);
            double scale = 1;
            for (double v : g) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < d; i++) {
                double eta = 1e-6;
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[i] += eta;
                xm[i] -= eta;
                double fd = (e.value(xp) - e.value(xm)) / (2 * eta);
                assertThat(g[i]).as("%s dE/dx_%d at %s", id, i, java.util.Arrays.toString(x))
                        .isCloseTo(fd, within(1e-6 * scale));
            }
            double[] y = x;
            assertThat(Allocations.bytesAllocatedBy(() -> {
                for (int r = 0; r < 100; r++) {
                    e.gradient(y, g);
                }
            })).as(id + " gradient allocates").isLessThan(100);
        }
    }

    /** (m, vech) with m near the data mean 1 and Sigma = 4 (1 +- 0.2) on the diagonal, 1.5 off it: inside. */
    static double[] gaussianPoint(int p, Random rnd) {
        int k = p == 2 ? 1 : 2;
        double[] m = new double[k];
        for (int i = 0; i < k; i++) {
            m[i] = 1 + 0.3 * rnd.nextGaussian();
        }
        double[] x = new double[p];
        System.arraycopy(m, 0, x, 0, k);
        int a = k;
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double s = i == j ? 4 * (1 + 0.2 * rnd.nextDouble()) : 1.5;
                x[a++] = s + m[i] * m[j]; // expectation coordinates by default: M = Sigma + m m^T
            }
        }
        return x;
    }

    /** Hess E by central differences of dE (step 1e-5), symmetrised. */
    static double[][] hessianByDifferences(Energy e, double[] x) {
        int d = x.length;
        double[][] h = new double[d][d];
        double[] gp = new double[d];
        double[] gm = new double[d];
        for (int j = 0; j < d; j++) {
            double eta = 1e-5;
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[j] += eta;
            xm[j] -= eta;
            e.gradient(xp, gp);
            e.gradient(xm, gm);
            for (int i = 0; i < d; i++) {
                h[i][j] = (gp[i] - gm[i]) / (2 * eta);
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        return h;
    }

    static double[][] fisher(Energy e, double[] x) {
        int d = x.length;
        double[] f = new double[d * d];
        ((FisherInformation) e).fisher(x, f);
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = f[i * d + j];
                assertThat(f[i * d + j]).isCloseTo(f[j * d + i], within(1e-12));
            }
        }
        return out;
    }

    /**
     * Logistic regression with the canonical link: F(w) = Hess E(w) - lambda I exactly (closed forms, 1e-13), and
     * the closed-form Hessian matches differences of the gradient (1e-7).
     */
    @Test
    void logisticFisherIsTheHessianOfTheLoss() {
        Energy e = build("logistic-regression", new KindSpace(Space.EUCLIDEAN, 3, new double[3]), Map.of("n", 50));
        double[] w = {0.4, -1, 2};
        double[][] f = fisher(e, w);
        double[][] fd = hessianByDifferences(e, w);
        double[] h = new double[9];
        e.hessian(w, h);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(h[i * 3 + j]).isCloseTo(f[i][j] + (i == j ? 1e-3 : 0), within(1e-13));
                assertThat(h[i * 3 + j]).isCloseTo(fd[i][j], within(1e-7));
            }
        }
    }

    @Test
    void logisticDataAreDeterministicAndFollowTheSeed() {
        var space = new KindSpace(Space.EUCLIDEAN, 2, new double[2]);
        var a = (LogisticRegressionEnergyFactory.LogisticRegression) build("logistic-regression", space, Map.of());
        var b = (LogisticRegressionEnergyFactory.LogisticRegression) build("logistic-regression", space, Map.of());
        var c = (LogisticRegressionEnergyFactory.LogisticRegression) build("logistic-regression", space,
                Map.of("seed", 2));
        assertThat(a.features()).containsExactly(b.features());
        assertThat(a.labels()).containsExactly(b.labels());
        assertThat(a.features()).isNotEqualTo(c.features());
        // spread 10: the second feature's scale is 1/10 of the first's
        double s0 = 0;
        double s1 = 0;
        double[] x = a.features();
        for (int i = 0; i < 200; i++) {
            s0 += x[2 * i] * x[2 * i];
            s1 += x[2 * i + 1] * x[2 * i + 1];
        }
        assertThat(Math.sqrt(s1 / s0)).isCloseTo(0.1, within(0.02));
        // the finite-sum view adds up to the whole
        double total = 0;
        double[] w = {0.3, -2};
        for (int i = 0; i < a.terms(); i++) {
            total += a.termValue(i, w);
        }
        assertThat(total + 0.5 * 1e-3 * (0.09 + 4)).isCloseTo(a.value(w), within(1e-13));
    }

    /** Softmax: F = diag(p) - p p^T = Hess E (closed form vs differences, 1e-7); F 1 = 0. */
    @Test
    void categoricalFisherIsTheSoftmaxCovariance() {
        Energy e = build("categorical-fit", new KindSpace(Space.EUCLIDEAN, 4, new double[4]), Map.of());
        double[] t = {0.1, -1, 2, 0.5};
        double[][] f = fisher(e, t);
        double[][] fd = hessianByDifferences(e, t);
        for (int i = 0; i < 4; i++) {
            double row = 0;
            for (int j = 0; j < 4; j++) {
                assertThat(f[i][j]).isCloseTo(fd[i][j], within(1e-7));
                row += f[i][j];
            }
            assertThat(row).isCloseTo(0, within(1e-15));
        }
    }

    /**
     * Gaussian fit in expectation coordinates: the natural gradient F^-1 dE equals eta - Tbar (the sample mean of the
     * sufficient statistics) at any point, so one Euler step with h = 1 lands on the MLE; checked at three points with
     * Commons Math's LU solve, to 1e-9 relative. k = 1 (dimension 2) and k = 2 (dimension 5).
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 5})
    void expectationParameterNaturalGradientPointsAtTheMle(int p) {
        var fit = (GaussianFitEnergyFactory.GaussianFit) build("gaussian-fit",
                new KindSpace(Space.EUCLIDEAN, p, new double[p]), Map.of());
        double[] mle = fit.maximumLikelihood();
        Random rnd = new Random(3);
        for (int trial = 0; trial < 3; trial++) {
            double[] eta = gaussianPoint(p, rnd);
            double[] g = new double[p];
            fit.gradient(eta, g);
            double[] step = new LUDecomposition(new Array2DRowRealMatrix(fisher(fit, eta))).getSolver()
                    .solve(new ArrayRealVector(g)).toArray();
            for (int i = 0; i < p; i++) {
                assertThat(eta[i] - step[i]).as("coordinate %d", i)
                        .isCloseTo(mle[i], within(1e-9 * Math.max(1, Math.abs(mle[i]))));
            }
        }
    }

    /**
     * Mean-covariance coordinates: F = diag(Sigma^-1, (1/2) tr(P E P E')), which at the MLE equals the Hessian of the
     * average NLL (observed = expected information there); differences of the gradient agree to 1e-6.
     * Expectation coordinates: the same at the MLE. And the natural gradient's mean part is m - ybar.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mean-covariance", "expectation"})
    void fisherIsTheHessianAtTheMle(String coordinates) {
        var fit = (GaussianFitEnergyFactory.GaussianFit) build("gaussian-fit",
                new KindSpace(Space.EUCLIDEAN, 5, new double[5]), Map.of("coordinates", coordinates));
        double[] mle = fit.maximumLikelihood();
        double[] g = new double[5];
        fit.gradient(mle, g);
        for (double v : g) {
            assertThat(v).isCloseTo(0, within(1e-12));
        }
        double[][] f = fisher(fit, mle);
        double[][] h = hessianByDifferences(fit, mle);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                assertThat(f[i][j]).isCloseTo(h[i][j], within(1e-6));
            }
        }
        if (coordinates.equals("mean-covariance")) {
            double[] x = {0.5, 2, 5, 1, 3};
            fit.gradient(x, g);
            double[] step = new LUDecomposition(new Array2DRowRealMatrix(fisher(fit, x))).getSolver()
                    .solve(new ArrayRealVector(g)).toArray();
            double[] ybar = fit.sampleMean();
            assertThat(step[0]).isCloseTo(0.5 - ybar[0], within(1e-12));
            assertThat(step[1]).isCloseTo(2 - ybar[1], within(1e-12));
        }
    }

    @Test
    void gaussianFitNeedsATriangularDimensionAndAPositiveCovariance() {
        assertThatThrownBy(() -> build("gaussian-fit", new KindSpace(Space.EUCLIDEAN, 4, new double[4]), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("2, 5, 9, 14");
        Energy e = build("gaussian-fit", new KindSpace(Space.EUCLIDEAN, 2, new double[2]), Map.of());
        assertThat(e.value(new double[] {2, 3})).isInfinite(); // Sigma = 3 - 4 < 0
    }

    /** The Rayleigh quotient on the sphere: its value at the lowest unit eigenvector is lambda_min / 2. */
    @Test
    void rayleighMinimumIsHalfTheLowestEigenvalue() {
        Energy e = build("rayleigh", new KindSpace(SpaceKinds.SPHERE, 5, new double[5]), Map.of());
        double[][] a = new double[5][5];
        for (int i = 0; i < 5; i++) {
            a[i][i] = 2;
            if (i + 1 < 5) {
                a[i][i + 1] = -1;
                a[i + 1][i] = -1;
            }
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(a));
        double min = Double.POSITIVE_INFINITY;
        double[] v = null;
        for (int i = 0; i < 5; i++) {
            if (eig.getRealEigenvalue(i) < min) {
                min = eig.getRealEigenvalue(i);
                v = eig.getEigenvector(i).toArray();
            }
        }
        assertThat(min).isCloseTo(2 - 2 * Math.cos(Math.PI / 6), within(1e-14));
        assertThat(e.value(v)).isCloseTo(min / 2, within(1e-14));
        double[] g = new double[5];
        e.gradient(v, g);
        for (double x : g) {
            assertThat(x).isCloseTo(0, within(1e-14));
        }
    }

    /** d(x, 0) = 2 artanh |x|; E = d^2/2 for one anchor at the origin. */
    @Test
    void hyperbolicDistanceFromTheOrigin() {
        Energy e = build("hyperbolic-distance", new KindSpace(SpaceKinds.POINCARE_BALL, 2, new double[2]), Map.of());
        double[] x = {0.3, -0.4};
        double d = Math.log((1 + 0.5) / (1 - 0.5));
        assertThat(e.value(x)).isCloseTo(d * d / 2, within(1e-14));
        assertThat(e.value(new double[] {0.8, 0.8})).isInfinite();
        assertThatThrownBy(() -> build("hyperbolic-distance", new KindSpace(SpaceKinds.POINCARE_BALL, 2, new double[2]),
                Map.of("anchors", "0.9,0.9"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("inside the ball");
    }

    /** The Fisher informations allocate nothing after warm-up. */
    @Test
    void fisherInformationAllocatesNothing() {
        for (String id : List.of("logistic-regression", "categorical-fit", "gaussian-fit")) {
            int d = id.equals("gaussian-fit") ? 5 : 3;
            FisherInformation f = (FisherInformation) build(id, new KindSpace(Space.EUCLIDEAN, d, new double[d]),
                    Map.of());
            double[] x = id.equals("gaussian-fit") ? gaussianPoint(5, new Random(1)) : new double[] {0.1, 0.2, 0.3};
            double[] out = new double[d * d];
            for (int r = 0; r < 2000; r++) {
                f.fisher(x, out); // warm up (class loading, JIT) before counting
            }
            assertThat(Allocations.bytesAllocatedBy(() -> {
                for (int r = 0; r < 100; r++) {
                    f.fisher(x, out);
                }
            })).as(id).isLessThan(100);
        }
    }
}
