package org.varflow.models.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.varflow.Varflow;
import org.varflow.api.Energy;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.core.CorePlugin;
import org.varflow.core.run.RunControl;
import org.varflow.geometry.GeometryPlugin;
import org.varflow.models.presets.PresetsPlugin;
import org.varflow.noise.NoisePlugin;

/** The action with V given as a formula: the harmonic and gravity closed forms, and an anharmonic V by differences. */
class FormulaActionTest {
    static final Varflow VARFLOW = Varflow.of(List.of(new CorePlugin(), new NoisePlugin(), new GeometryPlugin(),
            new PathsPlugin(), new PresetsPlugin()));

    static Energy action(FlowSpec spec) {
        return VARFLOW.assemble(spec).flow().energy();
    }

    @Test
    void aHarmonicFormulaIsTheHarmonicAction() {
        FlowSpec harmonic = VARFLOW.registry().preset("least-action").spec();
        FlowSpec formula = harmonic.withPart(PartKind.ENERGY, PartChoice.of("action").with("potential", "formula")
                .with("V", "x1^2/2"));
        Energy a = action(harmonic);
        Energy b = action(formula);
        int d = VARFLOW.assemble(harmonic).flow().dimension();
        Random r = new Random(4);
        double[] x = r.doubles(d, -1, 2).toArray();
        double[] ga = new double[d];
        double[] gb = new double[d];
        a.gradient(x, ga);
        b.gradient(x, gb);
        assertThat(b.value(x)).isCloseTo(a.value(x), within(1e-12));
        assertThat(gb).containsExactly(ga, within(1e-12));
        double[] ha = new double[d * d];
        double[] hb = new double[d * d];
        a.hessian(x, ha);
        b.hessian(x, hb);
        assertThat(hb).containsExactly(ha, within(1e-10));
        // the least-action flow on the formula ends on the same path
        assertThat(VARFLOW.run(formula, new RunControl(1), null).result().states())
                .containsExactly(VARFLOW.run(harmonic, new RunControl(1), null).result().states(), within(1e-9));
    }

    /** A 2-D projectile, V = g x2 (height), as a formula: the same action as 'gravity'. */
    @Test
    void gravityInTwoDimensions() {
        FlowSpec gravity = VARFLOW.registry().preset("least-action").spec()
                .withPart(PartKind.SPACE, PartChoice.of("path").with("nodes", 16).with("length", 1)
                        .with("start", "0,0").with("end", "3,0"))
                .withPart(PartKind.ENERGY, PartChoice.of("action").with("potential", "gravity").with("g", 2.0));
        FlowSpec formula = gravity.withPart(PartKind.ENERGY, PartChoice.of("action").with("potential", "formula")
                .with("V", "2*x2"));
        Energy a = action(gravity);
        Energy b = action(formula);
        double[] x = new Random(8).doubles(30, -1, 1).toArray();
        double[] ga = new double[30];
        double[] gb = new double[30];
        a.gradient(x, ga);
        b.gradient(x, gb);
        assertThat(b.value(x)).isCloseTo(a.value(x), within(1e-12));
        assertThat(gb).containsExactly(ga, within(1e-12));
    }

    @Test
    void anAnharmonicPotentialHasExactDerivatives() {
        FlowSpec spec = VARFLOW.registry().preset("least-action").spec().withPart(PartKind.ENERGY,
                PartChoice.of("action").with("potential", "formula").with("V", "x1^4/4 - cos(x1)"));
        Energy e = action(spec);
        int d = VARFLOW.assemble(spec).flow().dimension();
        double[] x = new Random(9).doubles(d, -1, 1).toArray();
        double[] g = new double[d];
        double[] h = new double[d * d];
        e.gradient(x, g);
        e.hessian(x, h);
        for (int i = 0; i < d; i += 5) {
            double[] p = x.clone();
            double[] m = x.clone();
            p[i] += 1e-6;
            m[i] -= 1e-6;
            assertThat(g[i]).isCloseTo((e.value(p) - e.value(m)) / 2e-6, within(1e-6));
            double[] gp = new double[d];
            double[] gm = new double[d];
            e.gradient(p, gp);
            e.gradient(m, gm);
            for (int j = 0; j < d; j++) {
                assertThat(h[j * d + i]).isCloseTo((gp[j] - gm[j]) / 2e-6, within(1e-5));
            }
        }
        assertThatThrownBy(() -> action(spec.withParam(PartKind.ENERGY, "potential", "free")))
                .hasMessageContaining("parameter 'V' applies to potential=formula, but potential is free");
        assertThatThrownBy(() -> action(spec.withPart(PartKind.ENERGY, PartChoice.of("action")
                .with("potential", "formula")))).hasMessageContaining("potential formula needs 'V'");
    }
}
