package org.varflow.geometry.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.Metric;
import org.varflow.api.PartChoice;
import org.varflow.api.Space;
import org.varflow.testkit.MetricContract;
import org.varflow.geometry.testing.Runs;
import org.varflow.geometry.testing.Spaces;

class MirrorTest {

    static Space simplex(String x0) {
        return Spaces.space(new SimplexSpaceFactory(), Map.of("dimension", 4, "x0", x0));
    }

    static Space orthant(String x0) {
        return Spaces.space(new PositiveOrthantSpaceFactory(), Map.of("dimension", 3, "x0", x0));
    }

    static Metric mirror(String potential, Space space) {
        return Spaces.metric(new MirrorMetricFactory(), Map.of("potential", potential), space);
    }

    abstract static class Contract extends MetricContract {
        abstract String potential();

        @Override
        protected Metric metric() {
            return mirror(potential(), space());
        }
    }

    @Nested
    class EntropySimplex extends Contract {
        @Override
        String potential() {
            return "neg-entropy";
        }

        @Override
        protected Space space() {
            return simplex("0.1,0.2,0.3,0.4");
        }
    }

    @Nested
    class BurgSimplex extends Contract {
        @Override
        String potential() {
            return "burg";
        }

        @Override
        protected Space space() {
            return simplex("0.4,0.1,0.2,0.3");
        }
    }

    @Nested
    class EntropyOrthant extends Contract {
        @Override
        String potential() {
            return "neg-entropy";
        }

        @Override
        protected Space space() {
            return orthant("0.5,2,1");
        }
    }

    @Nested
    class BurgOrthant extends Contract {
        @Override
        String potential() {
            return "burg";
        }

        @Override
        protected Space space() {
            return orthant("0.5,2,1");
        }
    }

    @Nested
    class PNorm extends MetricContract {
        @Override
        protected Metric metric() {
            return Spaces.metric(new MirrorMetricFactory(), Map.of("potential", "p-norm", "p", 1.5), space());
        }

        @Override
        protected Space space() {
            return Spaces.euclidean(0.5, -1.5, 2);
        }
    }

    @Test
    void potentialsAreCheckedAgainstTheSpace() {
        assertThatThrownBy(() -> mirror("neg-entropy", Spaces.euclidean(1, 2)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("potentials for euclidean: [p-norm]");
        assertThatThrownBy(() -> mirror("p-norm", simplex("1"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("neg-entropy, burg");
    }

    @Test
    void simplexStartMustBePositive() {
        assertThatThrownBy(() -> simplex("1,0,1,1")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("entry 2 = 0");
        assertThat(simplex("1,1,2,4").initialState()).containsExactly(0.125, 0.125, 0.25, 0.5);
    }

    /**
     * The p-norm Hessian metric is the inverse of Hess phi = a diag(|x|^{p-2}) + b u u^T: K Hess phi = I checked by
     * applying K to the columns of the Hessian of |x|_p^2/2 computed by central differences of grad phi (error
     * ~1e-9 relative).
     */
    @Test
    void pNormMetricInvertsTheHessianOfThePotential() {
        double p = 1.5;
        Metric m = Spaces.metric(new MirrorMetricFactory(), Map.of("potential", "p-norm", "p", p),
                Spaces.euclidean(0, 0, 0));
        double[] x = {0.5, -1.5, 2};
        double[] col = new double[3];
        double[] out = new double[3];
        for (int j = 0; j < 3; j++) {
            double eta = 1e-6;
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[j] += eta;
            xm[j] -= eta;
            double[] gp = gradPhi(xp, p);
            double[] gm = gradPhi(xm, p);
            for (int i = 0; i < 3; i++) {
                col[i] = (gp[i] - gm[i]) / (2 * eta);
            }
            m.raise(x, col, out);
            for (int i = 0; i < 3; i++) {
                assertThat(out[i]).isCloseTo(i == j ? 1 : 0, within(1e-7));
            }
        }
    }

    static double[] gradPhi(double[] x, double p) {
        double s = 0;
        for (double v : x) {
            s += Math.pow(Math.abs(v), p);
        }
        double n = Math.pow(s, 1 / p);
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = Math.pow(n, 2 - p) * Math.signum(x[i]) * Math.pow(Math.abs(x[i]), p - 1);
        }
        return g;
    }

    static FlowSpec simplexRun(PartChoice metric, PartChoice scheme, long steps, double h) {
        return Runs.spec(PartChoice.of("simplex").with("dimension", 4).with("x0", "0.1,0.2,0.3,0.4"), metric,
                PartChoice.of("test-linear").with("c", "1,2,3,0.5"), scheme, steps, h);
    }

    /**
     * Exponentiated gradient on a linear cost: grad E = c is constant, so x_k = x_0 exp(-k h c) / Z_k exactly; every
     * iterate is checked against the closed form to 1e-13 relative (rounding of k products of exponentials) and to
     * lie in the open simplex with sum 1 to 1e-12.
     */
    @Test
    void exponentiatedGradientMatchesTheClosedFormAndStaysInTheSimplex() {
        double h = 0.1;
        double[] c = {1, 2, 3, 0.5};
        double[] x0 = {0.1, 0.2, 0.3, 0.4};
        List<double[]> states = Runs.trajectory(simplexRun(PartChoice.of("mirror"),
                PartChoice.of("mirror-step").with("potential", "neg-entropy"), 200, h));
        for (int k = 0; k < states.size(); k++) {
            double[] x = states.get(k);
            double z = 0;
            double[] exact = new double[4];
            for (int i = 0; i < 4; i++) {
                exact[i] = x0[i] * Math.exp(-k * h * c[i]);
                z += exact[i];
            }
            double s = 0;
            for (int i = 0; i < 4; i++) {
                assertThat(x[i]).isPositive().isCloseTo(exact[i] / z, within(1e-13 * Math.max(1e-300, exact[i] / z)
                        + 1e-15));
                s += x[i];
            }
            assertThat(s).isCloseTo(1, within(1e-12));
        }
    }

    /**
     * The Euler step of the replicator flow K = diag(x) - x x^T with the exponential retraction is the same map:
     * x_i exp(-h (c_i - x.c)) / Z = x_i exp(-h c_i) / Z'. Same trajectory to 1e-13.
     */
    @Test
    void eulerWithTheEntropyMetricIsExponentiatedGradient() {
        List<double[]> eg = Runs.trajectory(simplexRun(PartChoice.of("mirror"),
                PartChoice.of("mirror-step"), 100, 0.2));
        List<double[]> euler = Runs.trajectory(simplexRun(PartChoice.of("mirror"), PartChoice.of("euler"), 100, 0.2));
        for (int k = 0; k < eg.size(); k++) {
            assertThat(euler.get(k)).containsExactly(eg.get(k), within(1e-13));
        }
    }

    /**
     * Burg mirror step on the positive orthant with a linear cost: 1/x_{k+1} = 1/x_k + h c, which is exactly the
     * flow x(t) = x0 / (1 + c x0 t) sampled at t = k h; positive at every step. Checked to 1e-13 relative.
     */
    @Test
    void burgStepOnTheOrthantIsExactForALinearCostAndStaysPositive() {
        double h = 0.5;
        List<double[]> states = Runs.trajectory(Runs.spec(
                PartChoice.of("positive-orthant").with("dimension", 3).with("x0", "0.5,2,1"),
                PartChoice.of("mirror").with("potential", "burg"), PartChoice.of("test-linear").with("c", "1,0.1,4"),
                PartChoice.of("mirror-step").with("potential", "burg"), 400, h));
        double[] x0 = {0.5, 2, 1};
        double[] c = {1, 0.1, 4};
        for (int k = 0; k < states.size(); k++) {
            for (int i = 0; i < 3; i++) {
                double exact = x0[i] / (1 + c[i] * x0[i] * k * h);
                assertThat(states.get(k)[i]).isPositive().isCloseTo(exact, within(1e-13 * exact));
            }
        }
    }

    /**
     * The continuous Burg flow for the Poisson likelihood is the logistic equation x' = x (b - x),
     * x(t) = b / (1 + (b/x0 - 1) e^{-bt}): Euler with the exponential retraction (h = 1e-3, t = 3) stays positive
     * at every step, even from x0 = 1e-3, and matches the closed form to 2e-3 relative (first order: the error is
     * about h t max|x''/x| / 2).
     */
    @Test
    void burgFlowStaysPositive() {
        double h = 1e-3;
        List<double[]> states = Runs.trajectory(Runs.spec(
                PartChoice.of("positive-orthant").with("dimension", 3).with("x0", "0.001,1,5"),
                PartChoice.of("mirror").with("potential", "burg"), PartChoice.of("test-poisson").with("b", 2.0),
                PartChoice.of("euler"), 3000, h));
        double[] x0 = {0.001, 1, 5};
        for (double[] x : states) {
            for (double v : x) {
                assertThat(v).isPositive();
            }
        }
        double[] x = states.get(3000);
        for (int i = 0; i < 3; i++) {
            double exact = 2 / (1 + (2 / x0[i] - 1) * Math.exp(-2 * 3.0));
            assertThat(x[i]).isCloseTo(exact, within(2e-3 * exact));
        }
    }

    /**
     * Burg step on the simplex: the multiplier lambda makes sum x = 1, and 1/x_{k+1} - 1/x_k - h g is the same
     * lambda in every coordinate (the Bregman projection's optimality condition), to 1e-9 relative.
     */
    @Test
    void burgStepOnTheSimplexIsABregmanProjection() {
        double h = 0.3;
        List<double[]> states = Runs.trajectory(simplexRun(PartChoice.of("mirror").with("potential", "burg"),
                PartChoice.of("mirror-step").with("potential", "burg"), 20, h));
        double[] c = {1, 2, 3, 0.5};
        for (int k = 0; k + 1 < states.size(); k++) {
            double[] x = states.get(k);
            double[] y = states.get(k + 1);
            double lambda0 = 1 / y[0] - 1 / x[0] - h * c[0];
            double s = 0;
            for (int i = 0; i < 4; i++) {
                assertThat(1 / y[i] - 1 / x[i] - h * c[i]).isCloseTo(lambda0, within(1e-9 * (1 / y[i])));
                s += y[i];
            }
            assertThat(s).isCloseTo(1, within(1e-12));
        }
    }

    /** p = 2: grad phi is the identity and the mirror step is the gradient step, bit for bit like Euler. */
    @Test
    void pNormStepWithPTwoIsGradientDescent() {
        FlowSpec mirrorStep = Runs.spec(PartChoice.of("euclidean").with("dimension", 3).with("x0", "1,-2,0.5"),
                PartChoice.of("euclidean"), PartChoice.of("test-quadratic").with("b", "1,0,2"),
                PartChoice.of("mirror-step").with("potential", "p-norm").with("p", 2), 50, 0.1);
        FlowSpec euler = mirrorStep.withPart(org.varflow.api.PartKind.SCHEME, "euler");
        List<double[]> a = Runs.trajectory(mirrorStep);
        List<double[]> b = Runs.trajectory(euler);
        for (int k = 0; k < a.size(); k++) {
            assertThat(a.get(k)).containsExactly(b.get(k), within(1e-15));
        }
    }

    /** For p = 1.5 the step satisfies grad phi(x_{k+1}) = grad phi(x_k) - h dE(x_k) to 1e-12. */
    @Test
    void pNormStepIsAGradientStepInTheMirrorCoordinates() {
        double h = 0.1;
        List<double[]> states = Runs.trajectory(Runs.spec(
                PartChoice.of("euclidean").with("dimension", 3).with("x0", "1,-2,0.5"),
                PartChoice.of("mirror").with("potential", "p-norm"), PartChoice.of("test-quadratic").with("b", "1,0,2"),
                PartChoice.of("mirror-step").with("potential", "p-norm").with("p", 1.5), 30, h));
        double[] b = {1, 0, 2};
        for (int k = 0; k + 1 < states.size(); k++) {
            double[] x = states.get(k);
            double[] gx = gradPhi(x, 1.5);
            double[] gy = gradPhi(states.get(k + 1), 1.5);
            for (int i = 0; i < 3; i++) {
                assertThat(gy[i]).isCloseTo(gx[i] - h * (x[i] - b[i]), within(1e-12));
            }
        }
    }
}
