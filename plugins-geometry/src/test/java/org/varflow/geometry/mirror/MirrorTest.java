package org.varflow.geometry.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Metric;
import org.varflow.api.PartChoice;
import org.varflow.api.Space;
import org.varflow.geometry.testing.MirrorMaps;
import org.varflow.geometry.testing.Runs;
import org.varflow.geometry.testing.Spaces;
import org.varflow.testkit.MetricContract;

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
            double[] gp = MirrorMaps.gradPhi(xp, p);
            double[] gm = MirrorMaps.gradPhi(xm, p);
            for (int i = 0; i < 3; i++) {
                col[i] = (gp[i] - gm[i]) / (2 * eta);
            }
            m.raise(x, col, out);
            for (int i = 0; i < 3; i++) {
                assertThat(out[i]).isCloseTo(i == j ? 1 : 0, within(1e-7));
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
                PartChoice.of("mirror").with("potential", "burg").with("retraction", "exp"),
                PartChoice.of("test-poisson").with("b", 2.0), PartChoice.of("euler"), 3000, h));
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

}
