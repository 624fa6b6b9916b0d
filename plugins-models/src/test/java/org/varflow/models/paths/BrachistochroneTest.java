package org.varflow.models.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartKind;
import org.varflow.geometry.path.PathSpace;

/** The cycloid's time, the line's, the ranking and the numerical minimiser (helper and preset). */
class BrachistochroneTest {
    static final double G = 9.81;

    @Test
    void cycloidTimeIsAnalyticAndTheLineIsSlower() {
        double exact = Math.PI / Math.sqrt(G);
        assertThat(Brachistochrone.cycloidAngle(Math.PI, 2)).isCloseTo(Math.PI, within(1e-12));
        assertThat(Brachistochrone.cycloidTime(Math.PI, 2, G)).isCloseTo(exact, within(1e-12));
        // the quadrature of the parametrised cycloid (its integrand is smooth at A) gives the same number
        assertThat(Brachistochrone.curveTime(Brachistochrone.Curve.cycloid(Math.PI, 2), G, 8))
                .isCloseTo(exact, within(1e-12));
        // the line: closed form, and by the same quadrature
        double line = Math.sqrt((Math.PI * Math.PI + 4) / G);
        assertThat(Brachistochrone.lineTime(Math.PI, 2, G)).isCloseTo(line, within(1e-14));
        assertThat(Brachistochrone.curveTime(Brachistochrone.Curve.graph(Math.PI, u -> 2 * u, u -> 2 / Math.PI),
                G, 8)).isCloseTo(line, within(1e-12));
        assertThat(line / exact).isGreaterThan(1.18);
        // another end point: theta_B solves (theta - sin theta) / (1 - cos theta) = X / Y
        double theta = Brachistochrone.cycloidAngle(1, 1);
        double r = 1 / (1 - Math.cos(theta));
        assertThat(r * (theta - Math.sin(theta))).isCloseTo(1, within(1e-12));
        assertThat(Brachistochrone.curveTime(Brachistochrone.Curve.cycloid(1, 1), G, 16))
                .isCloseTo(Brachistochrone.cycloidTime(1, 1, G), within(1e-12));
    }

    @Test
    void quadratureConvergesAtFourthOrder() {
        double[] e = new double[3];
        double ref = Brachistochrone.curveTime(Brachistochrone.Curve.parabola(Math.PI, 2), G, 4096);
        for (int i = 0; i < 3; i++) {
            e[i] = Math.abs(Brachistochrone.curveTime(Brachistochrone.Curve.parabola(Math.PI, 2), G, 8 << i) - ref);
        }
        System.out.printf("parabola quadrature error 8/16/32 panels: %.3e %.3e %.3e, ratios %.2f %.2f%n", e[0], e[1],
                e[2], e[0] / e[1], e[1] / e[2]);
        assertThat(e[0] / e[1]).isCloseTo(16, within(1.5));
        assertThat(e[1] / e[2]).isCloseTo(16, within(1.5));
    }

    @Test
    void polygonTimeOfTheCycloidConvergesToTheAnalyticTime() {
        // the exact time along the polygon inscribed in the cycloid with nodes equally spaced in theta
        double exact = Math.PI / Math.sqrt(G);
        double[] err = new double[3];
        for (int i = 0; i < 3; i++) {
            int n = 32 << i;
            double t = 0;
            for (int j = 0; j < n; j++) {
                double a = Math.PI * j / n;
                double b = Math.PI * (j + 1) / n;
                double ya = 1 - Math.cos(a);
                double yb = 1 - Math.cos(b);
                double len = Math.hypot(b - Math.sin(b) - a + Math.sin(a), yb - ya);
                t += 2 * len / (Math.sqrt(2 * G) * (Math.sqrt(ya) + Math.sqrt(yb)));
            }
            err[i] = t - exact;
            assertThat(err[i]).isPositive(); // a polygon is a curve: never faster than the cycloid
        }
        System.out.printf("inscribed polygon error N = 32/64/128: %.3e %.3e %.3e, ratios %.3f %.3f%n", err[0], err[1],
                err[2], err[0] / err[1], err[1] / err[2]);
        assertThat(err[0] / err[1]).isCloseTo(4, within(0.1));
        assertThat(err[1] / err[2]).isCloseTo(4, within(0.1));
    }

    @Test
    void rankingPutsTheCycloidFirstAndTheMinimiserClose() {
        Brachistochrone.Ranking ranking = Brachistochrone.rank();
        double exact = Math.PI / Math.sqrt(G);
        assertThat(ranking.cycloidTime()).isCloseTo(exact, within(1e-12));
        for (Brachistochrone.Candidate c : ranking.candidates()) {
            System.out.printf("brachistochrone %-10s T = %.6f s  (%.4f x cycloid)%n", c.name(), c.time(),
                    c.ratioToCycloid());
        }
        assertThat(ranking.candidates().get(0).name()).isEqualTo("cycloid");
        assertThat(ranking.candidate("cycloid").time()).isCloseTo(exact, within(1e-12));
        assertThat(ranking.candidate("minimiser").time()).isGreaterThan(exact).isLessThan(exact * 1.002);
        assertThat(ranking.candidate("line").ratioToCycloid()).isCloseTo(
                Math.sqrt(Math.PI * Math.PI + 4) / Math.PI, within(1e-12));
        assertThat(ranking.candidate("parabola").time()).isGreaterThan(exact);
        assertThat(ranking.candidate("cubic").time()).isGreaterThan(exact);
        // the minimiser's nodes lie near the cycloid: compare heights at x = pi/2 (theta solves theta - sin theta)
        double[] y = ranking.minimiser();
        double lo = 0;
        double hi = Math.PI;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (mid - Math.sin(mid) < Math.PI / 2) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        assertThat(y[100]).isCloseTo(1 - Math.cos(lo), within(0.01));
    }

    @Test
    void presetFlowsFromTheLineToNearTheCycloid() {
        FlowSpec spec = LeastActionTest.VARFLOW.registry().preset("brachistochrone").spec();
        var outcome = LeastActionTest.VARFLOW.run(spec, new org.varflow.core.run.RunControl(1), null);
        double[] y = outcome.result().particle(0);
        double[] heights = new double[y.length + 2];
        System.arraycopy(y, 0, heights, 1, y.length);
        heights[heights.length - 1] = 2;
        double time = Brachistochrone.polygonTime(heights, Math.PI, G);
        double exact = Math.PI / Math.sqrt(G);
        double best = Brachistochrone.polygonTime(Brachistochrone.minimise(Math.PI, 2, G, 64), Math.PI, G);
        System.out.printf("brachistochrone preset: T = %.7f, best polygon on 64 steps %.7f, cycloid %.7f%n", time,
                best, exact);
        assertThat(time).isCloseTo(best, within(1e-6 * best));
        assertThat(time).isGreaterThan(exact).isLessThan(exact * 1.005);
    }

    @Test
    void energyGradientMatchesFiniteDifferencesAndBadEndsAreRefused() {
        PathSpace space = new PathSpace(9, Math.PI, new double[] {0}, new double[] {2});
        var energy = new BrachistochroneEnergyFactory.Time(space, G);
        double[] x = space.initialState();
        for (int i = 0; i < x.length; i++) {
            x[i] *= 1 + 0.2 * Math.sin(i + 1);
        }
        double[] grad = new double[x.length];
        energy.gradient(x, grad);
        for (int i = 0; i < x.length; i++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[i] += 1e-7;
            xm[i] -= 1e-7;
            assertThat(grad[i]).isCloseTo((energy.value(xp) - energy.value(xm)) / 2e-7, within(1e-6));
        }
        FlowSpec spec = LeastActionTest.VARFLOW.registry().preset("brachistochrone").spec();
        assertThatThrownBy(() -> LeastActionTest.VARFLOW.assemble(spec.withParam(PartKind.SPACE, "end", -1)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("energy 'brachistochrone'")
                .hasMessageContaining("end = -1");
        assertThatThrownBy(() -> LeastActionTest.VARFLOW.assemble(spec.withPart(PartKind.SPACE, "euclidean")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("needs the space 'path'");
    }
}
