package org.varflow.measures.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.varflow.api.Energy;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.measures.MeasureRuns;
import org.varflow.measures.particles.ParticleCurvature;

/** The interaction kernel written as a formula against the built-in Gaussian kernel, on ensembles and grids. */
class FormulaKernelTest {
    static Energy lifted(PartChoice space, PartChoice energy) {
        String scheme = space.id().equals("ensemble") ? "euler" : "density-euler";
        FlowSpec spec = MeasureRuns.spec(space, PartChoice.of("wasserstein"), energy, PartChoice.of("boltzmann"),
                PartChoice.of(scheme), 1, 1e-4);
        return MeasureRuns.VARFLOW.assemble(spec).flow().energy();
    }

    static double[] start(PartChoice space) {
        String scheme = space.id().equals("ensemble") ? "euler" : "density-euler";
        return MeasureRuns.VARFLOW.assemble(MeasureRuns.spec(space, PartChoice.of("wasserstein"), PartChoice.of("none"),
                PartChoice.of("boltzmann"), PartChoice.of(scheme), 1, 1e-4)).flow().space().initialState();
    }

    @Test
    void aGaussianKernelFormulaIsTheBuiltInOne() {
        PartChoice gaussian = PartChoice.of("interaction").with("kernel", "gaussian").with("strength", 1.5)
                .with("length", 0.8).with("confinement", 0.3);
        PartChoice formula = PartChoice.of("interaction").with("kernel", "formula")
                .with("W", "-1.5*exp(-(x1^2 + x2^2)/(2*0.8^2))").with("confinement", 0.3);
        for (PartChoice space : new PartChoice[] {PartChoice.of("ensemble").with("n", 150).with("d", 2),
            PartChoice.of("grid-2d").with("cells", "12")}) {
            Energy a = lifted(space, gaussian);
            Energy b = lifted(space, formula);
            double[] x = start(space);
            double[] ga = new double[x.length];
            double[] gb = new double[x.length];
            assertThat(b.valueAndGradient(x, gb)).isCloseTo(a.valueAndGradient(x, ga), within(1e-12));
            assertThat(gb).containsExactly(ga, within(1e-13));
            if (a instanceof ParticleCurvature ca) {
                double[] ka = new double[x.length];
                double[] kb = new double[x.length];
                ca.curvatureDiagonal(x, ka);
                ((ParticleCurvature) b).curvatureDiagonal(x, kb);
                assertThat(kb).containsExactly(ka, within(1e-12));
            }
        }
    }

    /** An anisotropic quartic kernel against central differences of the ensemble energy. */
    @Test
    void aGeneralEvenKernelHasTheRightPairForces() {
        Energy e = lifted(PartChoice.of("ensemble").with("n", 30).with("d", 2), PartChoice.of("interaction")
                .with("kernel", "formula").with("W", "x1^4/4 + x1*x2 + 3*x2^2"));
        double[] x = start(PartChoice.of("ensemble").with("n", 30).with("d", 2));
        double[] g = new double[x.length];
        e.gradient(x, g);
        for (int i = 0; i < x.length; i += 7) {
            double[] p = x.clone();
            double[] m = x.clone();
            p[i] += 1e-6;
            m[i] -= 1e-6;
            assertThat(g[i]).isCloseTo((e.value(p) - e.value(m)) / 2e-6, within(1e-6 * (1 + Math.abs(g[i]))));
        }
    }

    @Test
    void oddOrSingularKernelsAreRefused() {
        PartChoice space = PartChoice.of("ensemble").with("n", 10).with("d", 1);
        assertThatThrownBy(() -> lifted(space, PartChoice.of("interaction").with("kernel", "formula")
                .with("W", "x1^3 + x1^2"))).hasMessageContaining("the kernel W = 'x1^3 + x1^2' is not even");
        assertThatThrownBy(() -> lifted(space, PartChoice.of("interaction").with("kernel", "formula")
                .with("W", "log(x1^2)"))).hasMessageContaining("is not finite at z = 0");
        assertThatThrownBy(() -> lifted(space, PartChoice.of("interaction").with("kernel", "formula")))
                .hasMessageContaining("kernel formula needs 'W'");
        assertThatThrownBy(() -> lifted(space, PartChoice.of("interaction").with("W", "x1^2")))
                .hasMessageContaining("parameter 'W' applies to kernel=formula, but kernel is gaussian");
    }
}
