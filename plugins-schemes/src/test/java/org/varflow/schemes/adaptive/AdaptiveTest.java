package org.varflow.schemes.adaptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.geometry.testing.Runs;
import org.varflow.schemes.SchemeRuns;

class AdaptiveTest {
    static final double[][] A = {{3, 1}, {1, 2}};
    static final double[] B = {1, -1};

    static double[] gradient(double[] x) {
        return new double[] {A[0][0] * x[0] + A[0][1] * x[1] - B[0], A[1][0] * x[0] + A[1][1] * x[1] - B[1]};
    }

    static FlowSpec run(PartChoice scheme, long steps, double h) {
        return Runs.spec(PartChoice.of("euclidean").with("dimension", 2).with("x0", "2,1"),
                PartChoice.of("euclidean"), PartChoice.of("test-quadratic").with("A", "3,1;1,2").with("b", "1,-1"),
                scheme, steps, h);
    }

    /**
     * Adam, Algorithm 1 of Kingma and Ba (2015), written out: the scheme must give the same iterates step by step
     * (bit for bit: same operations in the same order; asserted to 1e-15 relative).
     */
    @Test
    void adamIsTheTextbookUpdate() {
        double alpha = 0.05;
        double beta1 = 0.8;
        double beta2 = 0.99;
        double eps = 1e-6;
        List<double[]> states = SchemeRuns.trajectory(run(PartChoice.of("adam").with("beta1", beta1).with("beta2",
                beta2)
                .with("epsilon", eps), 500, alpha));
        double[] x = {2, 1};
        double[] m = new double[2];
        double[] v = new double[2];
        for (int t = 1; t <= 500; t++) {
            double[] g = gradient(x);
            for (int i = 0; i < 2; i++) {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(beta1, t));
                double vHat = v[i] / (1 - Math.pow(beta2, t));
                x[i] = x[i] - alpha * mHat / (Math.sqrt(vHat) + eps);
            }
            double[] s = states.get(t);
            for (int i = 0; i < 2; i++) {
                assertThat(Math.abs(s[i] - x[i])).as("step %d coordinate %d", t, i)
                        .isLessThanOrEqualTo(1e-15 * Math.abs(x[i]));
            }
        }
    }

    /** RMSProp (PyTorch convention: no bias correction, eps outside the root), step by step. */
    @Test
    void rmsPropIsTheTextbookUpdate() {
        double alpha = 0.01;
        double rho = 0.9;
        double eps = 1e-8;
        List<double[]> states = SchemeRuns.trajectory(run(PartChoice.of("rmsprop").with("rho", rho), 300, alpha));
        double[] x = {2, 1};
        double[] v = new double[2];
        for (int t = 1; t <= 300; t++) {
            double[] g = gradient(x);
            for (int i = 0; i < 2; i++) {
                v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                x[i] = x[i] - alpha * g[i] / (Math.sqrt(v[i]) + eps);
            }
            assertThat(states.get(t)).containsExactly(x[0], x[1]);
        }
    }

    /**
     * Each particle has its own moments (the runner's auxiliary state): three particles from the same start follow
     * the single-particle trajectory exactly, and the result does not depend on the number of threads.
     */
    @Test
    void momentsArePerParticle() {
        FlowSpec one = run(PartChoice.of("adam"), 200, 0.05);
        double[] single = SchemeRuns.run(one).result().particle(0);
        var three = SchemeRuns.VARFLOW.run(one.withParticles(3), new org.varflow.core.run.RunControl(2), null);
        for (int p = 0; p < 3; p++) {
            assertThat(three.result().particle(p)).containsExactly(single);
        }
    }

    @Test
    void betaOneIsRefused() {
        assertThatThrownBy(() -> SchemeRuns.VARFLOW.assemble(run(PartChoice.of("adam").with("beta1", 1), 1, 0.1)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("beta1");
    }
}
