package org.varflow.schemes.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.geometry.testing.MirrorMaps;
import org.varflow.geometry.testing.Runs;
import org.varflow.schemes.SchemeRuns;

/** The mirror step against closed forms, the Euler step of the mirror metric and the mirror coordinates. */
class MirrorStepTest {

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
        List<double[]> states = SchemeRuns.trajectory(simplexRun(PartChoice.of("mirror"),
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
        List<double[]> eg = SchemeRuns.trajectory(simplexRun(PartChoice.of("mirror"),
                PartChoice.of("mirror-step"), 100, 0.2));
        List<double[]> euler = SchemeRuns.trajectory(simplexRun(PartChoice.of("mirror"), PartChoice.of("euler"), 100,
                0.2));
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
        List<double[]> states = SchemeRuns.trajectory(Runs.spec(
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
     * Burg step on the simplex: the multiplier lambda makes sum x = 1, and 1/x_{k+1} - 1/x_k - h g is the same
     * lambda in every coordinate (the Bregman projection's optimality condition), to 1e-9 relative.
     */
    @Test
    void burgStepOnTheSimplexIsABregmanProjection() {
        double h = 0.3;
        List<double[]> states = SchemeRuns.trajectory(simplexRun(PartChoice.of("mirror").with("potential", "burg"),
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
        List<double[]> a = SchemeRuns.trajectory(mirrorStep);
        List<double[]> b = SchemeRuns.trajectory(euler);
        for (int k = 0; k < a.size(); k++) {
            assertThat(a.get(k)).containsExactly(b.get(k), within(1e-15));
        }
    }

    /** For p = 1.5 the step satisfies grad phi(x_{k+1}) = grad phi(x_k) - h dE(x_k) to 1e-12. */
    @Test
    void pNormStepIsAGradientStepInTheMirrorCoordinates() {
        double h = 0.1;
        List<double[]> states = SchemeRuns.trajectory(Runs.spec(
                PartChoice.of("euclidean").with("dimension", 3).with("x0", "1,-2,0.5"),
                PartChoice.of("mirror").with("potential", "p-norm"), PartChoice.of("test-quadratic").with("b", "1,0,2"),
                PartChoice.of("mirror-step").with("potential", "p-norm").with("p", 1.5), 30, h));
        double[] b = {1, 0, 2};
        for (int k = 0; k + 1 < states.size(); k++) {
            double[] x = states.get(k);
            double[] gx = MirrorMaps.gradPhi(x, 1.5);
            double[] gy = MirrorMaps.gradPhi(states.get(k + 1), 1.5);
            for (int i = 0; i < 3; i++) {
                assertThat(gy[i]).isCloseTo(gx[i] - h * (x[i] - b[i]), within(1e-12));
            }
        }
    }
}
