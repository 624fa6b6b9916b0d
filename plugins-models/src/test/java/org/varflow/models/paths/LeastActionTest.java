package org.varflow.models.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartKind;
import org.varflow.core.CorePlugin;
import org.varflow.Varflow;
import org.varflow.core.run.RunControl;
import org.varflow.geometry.GeometryPlugin;
import org.varflow.noise.NoisePlugin;
import org.varflow.models.presets.PresetsPlugin;
import org.varflow.geometry.path.PathSpace;

/** The least-action preset converges to Newton's boundary-value solution with O(dt^2) error, and its action. */
class LeastActionTest {
    static final Varflow VARFLOW = Varflow.of(List.of(new CorePlugin(), new NoisePlugin(), new GeometryPlugin(),
            new PathsPlugin(), new PresetsPlugin()));

    static double[] run(FlowSpec spec) {
        return VARFLOW.run(spec, new RunControl(1), null).result().particle(0);
    }

    static FlowSpec preset() {
        return VARFLOW.registry().preset("least-action").spec();
    }

    /** Max nodal error against q(t) and the discrete action, for the harmonic oscillator on N intervals. */
    private static double[] harmonic(int n) {
        double a = 0.3;
        double b = 1.0;
        double t = 1.5;
        FlowSpec spec = preset().withParam(PartKind.SPACE, "nodes", n).withParam(PartKind.SPACE, "start", a)
                .withParam(PartKind.SPACE, "end", b);
        double[] q = run(spec);
        double dt = t / n;
        double err = 0;
        for (int j = 1; j < n; j++) {
            double s = j * dt;
            double exact = (a * Math.sin(t - s) + b * Math.sin(s)) / Math.sin(t);
            err = Math.max(err, Math.abs(q[j - 1] - exact));
        }
        PathSpace space = new PathSpace(n, t, new double[] {a}, new double[] {b});
        double action = new ActionEnergyFactory.Action(space, 1, 0, 1).value(q);
        return new double[] {err, action};
    }

    @Test
    void harmonicPathAndActionConvergeAtSecondOrder() {
        double a = 0.3;
        double b = 1.0;
        double t = 1.5;
        double exactAction = ((a * a + b * b) * Math.cos(t) - 2 * a * b) / (2 * Math.sin(t));
        double[] coarse = harmonic(32);
        double[] mid = harmonic(64);
        double[] fine = harmonic(128);
        double[] errA = {Math.abs(coarse[1] - exactAction), Math.abs(mid[1] - exactAction),
                Math.abs(fine[1] - exactAction)};
        System.out.printf("least-action harmonic: path error %.3e %.3e %.3e (ratios %.3f %.3f), action error %.3e"
                        + " %.3e %.3e (ratios %.3f %.3f), exact action %.6f%n", coarse[0], mid[0], fine[0],
                coarse[0] / mid[0], mid[0] / fine[0], errA[0], errA[1], errA[2], errA[0] / errA[1], errA[1] / errA[2],
                exactAction);
        assertThat(fine[0]).isLessThan(1e-4);
        assertThat(coarse[0] / mid[0]).isCloseTo(4.0, within(0.1));
        assertThat(mid[0] / fine[0]).isCloseTo(4.0, within(0.1));
        assertThat(errA[2]).isLessThan(1e-4);
        assertThat(errA[0] / errA[1]).isCloseTo(4.0, within(0.1));
        assertThat(errA[1] / errA[2]).isCloseTo(4.0, within(0.1));
    }

    @Test
    void gravityGivesTheParabolaAtTheNodesAndItsActionAtSecondOrder() {
        double g = 9.81;
        double t = 2.0;
        double a = 0;
        double b = 5;
        double exactAction = 0;
        // q = a + (b - a) s / T + g s (T - s) / 2; S = integral q'^2 / 2 - g q ds, by 1000-point Simpson
        int m = 1000;
        for (int i = 0; i <= m; i++) {
            double s = t * i / m;
            double v = (b - a) / t + g * (t - 2 * s) / 2;
            double q = a + (b - a) * s / t + g * s * (t - s) / 2;
            double w = i == 0 || i == m ? 1 : i % 2 == 1 ? 4 : 2;
            exactAction += w * (v * v / 2 - g * q) * t / (3 * m);
        }
        double[] errs = new double[2];
        int k = 0;
        for (int n : new int[] {32, 64}) {
            FlowSpec spec = preset().withParam(PartKind.SPACE, "nodes", n).withParam(PartKind.SPACE, "length", t)
                    .withParam(PartKind.SPACE, "start", a).withParam(PartKind.SPACE, "end", b)
                    .withPart(PartKind.ENERGY, "action").withParam(PartKind.ENERGY, "potential", "gravity")
                    .withParam(PartKind.ENERGY, "g", g);
            double[] q = run(spec);
            double err = 0;
            for (int j = 1; j < n; j++) {
                double s = j * t / n;
                err = Math.max(err, Math.abs(q[j - 1] - (a + (b - a) * s / t + g * s * (t - s) / 2)));
            }
            // exact at the nodes up to the Newton tolerance 1e-10 (1 + max |q|) of the implicit steps
            assertThat(err).as("nodal error, N = " + n).isLessThan(2e-9);
            PathSpace space = new PathSpace(n, t, new double[] {a}, new double[] {b});
            errs[k++] = Math.abs(new ActionEnergyFactory.Action(space, 1, g, 0).value(q) - exactAction);
        }
        System.out.printf("least-action gravity: action error %.3e %.3e, ratio %.3f%n", errs[0], errs[1],
                errs[0] / errs[1]);
        assertThat(errs[0] / errs[1]).isCloseTo(4.0, within(0.05));
    }

    @Test
    void twoDimensionalProjectileFallsUnderGravityInTheSecondComponent() {
        FlowSpec spec = preset().withParam(PartKind.SPACE, "start", "0,0").withParam(PartKind.SPACE, "end", "3,0")
                .withParam(PartKind.SPACE, "length", 1.0).withPart(PartKind.ENERGY, "action")
                .withParam(PartKind.ENERGY, "potential", "gravity").withParam(PartKind.ENERGY, "g", 2.0);
        double[] q = run(spec);
        int n = 64;
        for (int j = 1; j < n; j++) {
            double s = (double) j / n;
            assertThat(q[2 * (j - 1)]).isCloseTo(3 * s, within(1e-10));
            assertThat(q[2 * (j - 1) + 1]).isCloseTo(s * (1 - s), within(1e-10));
        }
    }

    @Test
    void explicitEulerConvergesBelowItsStabilityLimitAndDivergesAbove() {
        int n = 16;
        double dt = 1.5 / n;
        double limit = dt * dt / 2; // h < 2 / lambda_max(K Hess S) ~ dt^2 / (2 m)
        FlowSpec euler = preset().withParam(PartKind.SPACE, "nodes", n).withPart(PartKind.SCHEME, "euler");
        double[] implicit = run(preset().withParam(PartKind.SPACE, "nodes", n));
        double[] explicit = run(euler.withDt(0.9 * limit).withTime(12.0));
        for (int i = 0; i < implicit.length; i++) {
            assertThat(explicit[i]).isCloseTo(implicit[i], within(1e-9));
        }
        assertThatThrownBy(() -> run(euler.withDt(1.2 * limit).withTime(12.0)))
                .isInstanceOf(org.varflow.api.NumericalException.class);
    }

    @Test
    void pastTheConjugatePointTheCompositionIsRefused() {
        FlowSpec spec = preset().withParam(PartKind.SPACE, "length", 3.2);
        assertThatThrownBy(() -> VARFLOW.assemble(spec)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("energy 'action'").hasMessageContaining("T = 3.2")
                .hasMessageContaining("conjugate point pi / omega = 3.14159");
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withParam(PartKind.SPACE, "end", "1,2")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("space 'path'")
                .hasMessageContaining("start has 1 component(s) but end has 2");
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withParam(PartKind.SPACE, "nodes", 1)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("nodes")
                .hasMessageContaining("[2, 2000]");
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        PathSpace space = new PathSpace(7, 1.3, new double[] {0.2, -1}, new double[] {1, 0.5});
        var action = new ActionEnergyFactory.Action(space, 1.5, 3, 0.7);
        double[] x = space.initialState();
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.1 * Math.sin(3 * i + 1);
        }
        double[] grad = new double[x.length];
        action.gradient(x, grad);
        double[] hess = new double[x.length * x.length];
        action.hessian(x, hess);
        for (int i = 0; i < x.length; i++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[i] += 1e-6;
            xm[i] -= 1e-6;
            assertThat(grad[i]).isCloseTo((action.value(xp) - action.value(xm)) / 2e-6, within(1e-6));
            double[] gp = new double[x.length];
            double[] gm = new double[x.length];
            action.gradient(xp, gp);
            action.gradient(xm, gm);
            for (int r = 0; r < x.length; r++) {
                assertThat(hess[r * x.length + i]).isCloseTo((gp[r] - gm[r]) / 2e-6, within(1e-5));
            }
        }
    }
}
