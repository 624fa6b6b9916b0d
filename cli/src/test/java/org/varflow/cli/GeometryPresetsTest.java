package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.varflow.api.Energy;
import org.varflow.api.FlowSpec;
import org.varflow.api.Observer;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.Varflow;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.core.run.FlowRunner;
import org.varflow.core.run.RunControl;

/**
 * The geometry presets end to end, with every plugin discovered from the classpath as the CLI does: Adam against the
 * paper's algorithm, natural gradient against gradient descent, the Gaussian exponential-family step, exponentiated
 * gradient's closed form and Riemannian gradient descent's eigenvector.
 */
class GeometryPresetsTest {
    static Varflow varflow;

    @BeforeAll
    static void discover() {
        varflow = Varflow.discover();
    }

    /** Every state of particle 0, observed at every step, starting with the initial one. */
    static List<double[]> trajectory(FlowSpec spec) {
        AssembledFlow assembled = varflow.assemble(spec.withEvery(1));
        List<double[]> states = new ArrayList<>();
        int d = assembled.flow().dimension();
        Observer recorder = s -> states.add(java.util.Arrays.copyOf(s.states(), d));
        new FlowRunner().run(assembled, List.of(recorder), new RunControl(1));
        return states;
    }

    static FlowSpec preset(String id) {
        return varflow.registry().preset(id).spec();
    }

    /** The chained Rosenbrock gradient with a = 100, d = 2. */
    static double[] rosenbrockGradient(double[] x) {
        double a = 100;
        return new double[] {-4 * a * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]), 2 * a * (x[1] - x[0] * x[0])};
    }

    /**
     * The adam preset equals Algorithm 1 of Kingma and Ba (2015) with alpha = h, written out here, at each of its 5000
     * steps: identical operations give identical doubles (asserted to 1e-15 relative).
     */
    @Test
    void adamPresetIsTheReferenceAdam() {
        FlowSpec spec = preset("adam");
        double alpha = spec.dt();
        double beta1 = 0.9;
        double beta2 = 0.999;
        double eps = 1e-8;
        List<double[]> states = trajectory(spec);
        assertThat(states).hasSize(5001);
        double[] x = {-1.2, 1};
        double[] m = new double[2];
        double[] v = new double[2];
        double worst = 0;
        for (int t = 1; t <= 5000; t++) {
            double[] g = rosenbrockGradient(x);
            for (int i = 0; i < 2; i++) {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(beta1, t));
                double vHat = v[i] / (1 - Math.pow(beta2, t));
                x[i] = x[i] - alpha * mHat / (Math.sqrt(vHat) + eps);
            }
            for (int i = 0; i < 2; i++) {
                double r = Math.abs(states.get(t)[i] - x[i]) / Math.max(1e-300, Math.abs(x[i]));
                worst = Math.max(worst, r);
                assertThat(r).as("step %d, coordinate %d", t, i).isLessThanOrEqualTo(1e-15);
            }
        }
        System.out.printf("adam preset vs reference Adam: 5000 steps, largest relative difference %.1e,"
                + " final x = (%.6f, %.6f)%n", worst, x[0], x[1]);
    }

    /** Steps until |w_k - w*|_inf <= tol (1 + |w*|_inf) and it stays so; -1 if never within the run. */
    static int stepsTo(List<double[]> states, double[] star, double tol) {
        double scale = 1;
        for (double v : star) {
            scale = Math.max(scale, 1 + Math.abs(v));
        }
        int first = -1;
        for (int k = 0; k < states.size(); k++) {
            double err = 0;
            for (int i = 0; i < star.length; i++) {
                err = Math.max(err, Math.abs(states.get(k)[i] - star[i]));
            }
            if (err <= tol * scale) {
                if (first < 0) {
                    first = k;
                }
            } else {
                first = -1;
            }
        }
        return first;
    }

    /**
     * Natural gradient (the preset: Fisher metric, damping = lambda, h = 1, i.e. Newton) against Euclidean gradient
     * descent with the classical safe step h = 1/L, L = lambda_max(Hess E(0)) = lambda_max(X^T X / 4n) + lambda (the
     * global bound on the curvature: sigma(1 - sigma) <= 1/4, attained at w = 0), on the same energy and start, until
     * |w - w*|_inf <= 1e-8 (1 + |w*|_inf), w* from 60 Newton steps. The counts are printed for the docs.
     */
    @Test
    void naturalGradientNeedsFarFewerStepsThanGradientDescent() {
        FlowSpec ng = preset("natural-gradient");
        List<double[]> newton = trajectory(ng.withSteps(60));
        double[] star = newton.get(60);
        double tol = 1e-8;
        int ngSteps = stepsTo(newton, star, tol);

        AssembledFlow a = varflow.assemble(ng);
        Energy energy = a.flow().energy();
        double[] h0 = new double[4];
        energy.hessian(new double[2], h0);
        double lipschitz = max(new EigenDecomposition(new Array2DRowRealMatrix(new double[][] {{h0[0], h0[1]},
            {h0[2], h0[3]}})).getRealEigenvalues());
        double[] hs = new double[4];
        energy.hessian(star, hs);
        double[] curv = new EigenDecomposition(new Array2DRowRealMatrix(new double[][] {{hs[0], hs[1]},
            {hs[2], hs[3]}})).getRealEigenvalues();
        FlowSpec gd = ng.withPart(PartKind.METRIC, "euclidean").withDt(1 / lipschitz).withSteps(100_000);
        List<double[]> descent = trajectory(gd);
        int gdSteps = stepsTo(descent, star, tol);
        System.out.printf("logistic regression (n = 200, d = 2, spread 10, lambda = 1e-3), tolerance 1e-8:%n"
                + "  natural gradient (Fisher + lambda I, h = 1): %d steps%n"
                + "  gradient descent (h = 1/L = %.4f, L = %.4f; Hessian at w* has eigenvalues %.4g, %.4g): %d steps%n"
                + "  w* = (%.6f, %.6f)%n", ngSteps, 1 / lipschitz, lipschitz, min(curv), max(curv), gdSteps, star[0],
                star[1]);
        assertThat(ngSteps).isBetween(1, 10);
        assertThat(gdSteps).isGreaterThan(50 * ngSteps);
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    /**
     * A Gaussian fit in expectation parameters (k = 2: state (m, vech E[y y^T]), 5 coordinates): one natural-gradient
     * Euler step with h = 1 from an arbitrary start lands on the maximum-likelihood estimate (sample mean and second
     * moment), to 1e-12 relative; in mean-covariance coordinates the same step gets the mean right and needs a second
     * step for the covariance.
     */
    @Test
    void gaussianFitLandsOnTheMleInOneStep() {
        FlowSpec spec = new FlowSpec(null, Map.of(
                PartKind.SPACE, PartChoice.of("statistical-model").with("dimension", 5).with("x0", "0,0,1,0,1"),
                PartKind.METRIC, PartChoice.of("fisher").with("damping", 0.0),
                PartKind.ENERGY, PartChoice.of("gaussian-fit"),
                PartKind.ENTROPY, PartChoice.of("none"),
                PartKind.NOISE, PartChoice.of("none"),
                PartKind.SCHEME, PartChoice.of("euler")), 1L, null, 1.0, 1L, 1, null);
        double[] mle = mle(spec);
        double[] x = trajectory(spec).get(1);
        for (int i = 0; i < 5; i++) {
            assertThat(x[i]).as("coordinate %d", i).isCloseTo(mle[i], within(1e-12 * Math.max(1, Math.abs(mle[i]))));
        }
        FlowSpec meanCov = spec.withParam(PartKind.ENERGY, "coordinates", "mean-covariance").withSteps(2);
        double[] mle2 = mle(meanCov);
        List<double[]> two = trajectory(meanCov);
        assertThat(two.get(1)[0]).isCloseTo(mle2[0], within(1e-12));
        assertThat(two.get(1)[1]).isCloseTo(mle2[1], within(1e-12));
        assertThat(Math.abs(two.get(1)[2] - mle2[2])).isGreaterThan(1e-3);
        for (int i = 0; i < 5; i++) {
            assertThat(two.get(2)[i]).isCloseTo(mle2[i], within(1e-12 * Math.max(1, Math.abs(mle2[i]))));
        }
        System.out.printf("gaussian-fit (n = 100, k = 2): natural gradient, h = 1: expectation coordinates reach"
                + " the MLE in 1 step, mean-covariance coordinates in 2%n");
    }

    /** The MLE of the spec's gaussian-fit energy, in its coordinates (through its public API, reflectively). */
    static double[] mle(FlowSpec spec) {
        Energy e = varflow.assemble(spec).flow().energy();
        try {
            return (double[]) e.getClass().getMethod("maximumLikelihood").invoke(e);
        } catch (ReflectiveOperationException ex) {
            throw new LinkageError("maximumLikelihood() could not be called", ex);
        }
    }

    /** mirror-descent: x_k = x_0 exp(-k h c) / Z with c = (1..5), x_0 uniform; checked at the end (k = 100). */
    @Test
    void mirrorDescentPresetIsExponentiatedGradient() throws Exception {
        CliRunner run = CliRunner.run("run", "mirror-descent");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode x = new ObjectMapper().readTree(run.out()).get("state").get("x");
        double z = 0;
        for (int i = 1; i <= 5; i++) {
            z += Math.exp(-10.0 * i);
        }
        for (int i = 1; i <= 5; i++) {
            assertThat(x.get(i - 1).asDouble()).isCloseTo(Math.exp(-10.0 * i) / z, within(1e-13));
        }
    }

    /**
     * riemannian-gd: the ground state of tridiag(-1, 2, -1) in d = 5 is sin(j pi / 6) / |.|, eigenvalue
     * 2 - 2 cos(pi/6); after t = 50 the error is ~e^{-0.73 * 50}: checked to 1e-10, E = lambda_1 / 2 to 1e-12, and
     * the final state on the sphere to 1e-12.
     */
    @Test
    void riemannianGradientDescentFindsTheGroundState() throws Exception {
        CliRunner run = CliRunner.run("run", "riemannian-gd");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(run.out());
        JsonNode x = s.get("state").get("x");
        double norm = 0;
        double[] v = new double[5];
        for (int j = 0; j < 5; j++) {
            v[j] = Math.sin((j + 1) * Math.PI / 6);
            norm += v[j] * v[j];
        }
        double n = 0;
        for (int j = 0; j < 5; j++) {
            assertThat(x.get(j).asDouble()).isCloseTo(v[j] / Math.sqrt(norm), within(1e-10));
            n += x.get(j).asDouble() * x.get(j).asDouble();
        }
        assertThat(Math.sqrt(n)).isCloseTo(1, within(1e-12));
        assertThat(s.get("energy").asDouble()).isCloseTo((2 - 2 * Math.cos(Math.PI / 6)) / 2, within(1e-12));
    }

    @Test
    void naturalGradientPresetRunsFromTheCommandLine() throws Exception {
        CliRunner run = CliRunner.run("run", "natural-gradient");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(run.out());
        assertThat(s.get("parts").get("metric").get("id").asText()).isEqualTo("fisher");
        assertThat(s.get("diagnostics").get("energyIncreases").asInt()).isZero();
        // the same energy with --metric euclidean is plain gradient descent: slower
        CliRunner gd = CliRunner.run("run", "natural-gradient", "--metric", "euclidean");
        assertThat(gd.code()).as(gd.err()).isZero();
        assertThat(new ObjectMapper().readTree(gd.out()).get("energy").asDouble())
                .isGreaterThan(s.get("energy").asDouble());
    }

    @Test
    void explainPrintsEachGeometryPreset() {
        for (String id : List.of("riemannian-gd", "mirror-descent", "natural-gradient", "adam")) {
            CliRunner r = CliRunner.run("explain", id);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("equation:", "grad E", "reduces to / limits:", "references:")
                    .doesNotContain("not registered");
        }
        assertThat(CliRunner.run("explain", "natural-gradient").out()).contains("Amari (1998)", "Newton");
        assertThat(CliRunner.run("explain", "fisher").out()).contains("statistical-model", "damping");
    }
}
