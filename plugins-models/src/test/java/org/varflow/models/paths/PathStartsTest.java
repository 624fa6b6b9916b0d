package org.varflow.models.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.Varflow;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartKind;
import org.varflow.core.CorePlugin;
import org.varflow.core.run.RunControl;
import org.varflow.geometry.GeometryPlugin;
import org.varflow.models.presets.PresetsPlugin;
import org.varflow.noise.NoisePlugin;

/**
 * A path that starts on a given curve ({@code space.init} formula or nodes): with zero steps the energy is the
 * descent time or the action of that curve, against the polygon's time computed here and the analytic action.
 */
class PathStartsTest {
    static final Varflow VARFLOW = Varflow.of(List.of(new CorePlugin(), new NoisePlugin(), new GeometryPlugin(),
            new PathsPlugin(), new PresetsPlugin()));
    static final double G = 9.81;

    @TempDir
    Path dir;

    static double energyAtStart(FlowSpec spec) {
        return VARFLOW.run(spec.withSteps(0), new RunControl(1), null).summary().energy();
    }

    /** The parabola y = Y u (2 - u), u = x / X, X = pi, Y = 2: the exact time of its 64-chord polygon. */
    @Test
    void theDescentTimeOfAGivenCurve() {
        FlowSpec spec = VARFLOW.registry().preset("brachistochrone").spec()
                .withParam(PartKind.SPACE, "init", "formula")
                .withParam(PartKind.SPACE, "formula", "2 * (t/pi) * (2 - t/pi)");
        int n = 64;
        double time = 0;
        for (int j = 0; j < n; j++) {
            double x0 = Math.PI * j / n;
            double x1 = Math.PI * (j + 1) / n;
            double y0 = 2 * (x0 / Math.PI) * (2 - x0 / Math.PI);
            double y1 = 2 * (x1 / Math.PI) * (2 - x1 / Math.PI);
            double chord = Math.hypot(x1 - x0, y1 - y0);
            time += 2 * chord / (Math.sqrt(2 * G) * (Math.sqrt(y0) + Math.sqrt(y1)));
        }
        double polygon = energyAtStart(spec);
        assertThat(polygon).isCloseTo(time, within(1e-12));
        // and close to the smooth curve's time by quadrature (the seed's 1.046053), above it (inscribed chords)
        assertThat(polygon).isCloseTo(Brachistochrone.curveTime(Brachistochrone.Curve.parabola(Math.PI, 2), G, 64),
                within(2e-3));
        // s = t/T is the same curve
        assertThat(energyAtStart(spec.withParam(PartKind.SPACE, "formula", "2*s*(2 - s)")))
                .isCloseTo(time, within(1e-12));
    }

    /**
     * The harmonic action of the true path q(t) = sin t / sin T (A = 0, B = 1, T = 1.5, m = kappa = 1) is
     * (cos T) / (2 sin T); the midpoint rule on 64 intervals is within 5e-5 of it.
     */
    @Test
    void theActionOfAGivenCurveAndOfGivenNodes() throws Exception {
        FlowSpec spec = VARFLOW.registry().preset("least-action").spec()
                .withParam(PartKind.SPACE, "start", "0").withParam(PartKind.SPACE, "end", "1")
                .withParam(PartKind.SPACE, "init", "formula")
                .withParam(PartKind.SPACE, "formula", "sin(t) / sin(1.5)");
        double exact = Math.cos(1.5) / (2 * Math.sin(1.5));
        double action = energyAtStart(spec);
        assertThat(action).isCloseTo(exact, within(5e-5));
        // the same curve given node by node, in a file with the ends
        StringBuilder csv = new StringBuilder("q\n");
        for (int j = 0; j <= 64; j++) {
            csv.append(j == 0 ? 0 : j == 64 ? 1 : Math.sin(1.5 * j / 64) / Math.sin(1.5)).append('\n');
        }
        Path file = dir.resolve("nodes.csv");
        Files.writeString(file, csv);
        FlowSpec nodes = spec.withParam(PartKind.SPACE, "init", "nodes").withParam(PartKind.SPACE, "file",
                file.toString());
        assertThat(energyAtStart(withoutFormula(nodes))).isCloseTo(action, within(1e-14));
        // the straight line's action is larger: the true path minimises it (T < pi)
        assertThat(energyAtStart(VARFLOW.registry().preset("least-action").spec()
                .withParam(PartKind.SPACE, "start", "0").withParam(PartKind.SPACE, "end", "1")))
                .isGreaterThan(action + 1e-3);
    }

    private static FlowSpec withoutFormula(FlowSpec spec) {
        var params = new java.util.LinkedHashMap<>(spec.part(PartKind.SPACE).params());
        params.remove("formula");
        return spec.withPart(PartKind.SPACE, new org.varflow.api.PartChoice("path", params));
    }

    @Test
    void curvesThatMissTheEndsAreRefused() {
        FlowSpec spec = VARFLOW.registry().preset("brachistochrone").spec()
                .withParam(PartKind.SPACE, "init", "formula");
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withParam(PartKind.SPACE, "formula", "t")))
                .hasMessageContaining("space 'path': the curve 't' gives q(3.141592653589793) = 3.14159")
                .hasMessageContaining("but end = 2");
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withParam(PartKind.SPACE, "formula", "2*s; s")))
                .hasMessageContaining("parameter 'formula' has 2 components but the path's nodes have k = 1");
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withParam(PartKind.SPACE, "init", "nodes")
                .withParam(PartKind.SPACE, "path", "0.1,0.2")))
                .hasMessageContaining("the path needs N - 1 = 63 interior nodes");
        assertThatThrownBy(() -> VARFLOW.assemble(spec.withParam(PartKind.SPACE, "formula", "2*s")
                .withParam(PartKind.SPACE, "init", "line")))
                .hasMessageContaining("parameter 'formula' applies to init=formula, but init is line");
    }
}
