package org.varflow.models.presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartKind;
import org.varflow.core.CorePlugin;
import org.varflow.Varflow;
import org.varflow.core.run.RunControl;
import org.varflow.generative.Diffusion;
import org.varflow.generative.GenerativePlugin;
import org.varflow.generative.SchrodingerBridge;
import org.varflow.models.ModelsPlugin;
import org.varflow.noise.NoisePlugin;

/** The presets run through the real assembly and runner. */
class GenerativePresetsTest {
    private static final Varflow VARFLOW = Varflow.of(List.of(new CorePlugin(), new NoisePlugin(),
            new ModelsPlugin(), new GenerativePlugin(), new PresetsPlugin()));

    private static Map<String, Object> run(FlowSpec spec) {
        return VARFLOW.run(spec, new RunControl(2), null).summary().toMap();
    }

    @SuppressWarnings("unchecked")
    private static double number(Map<String, Object> summary, String... path) {
        Object v = summary;
        for (String key : path) {
            assertThat(v).as(String.join(".", path) + " in " + summary).isInstanceOf(Map.class);
            v = ((Map<String, Object>) v).get(key);
        }
        assertThat(v).as(String.join(".", path) + " in " + summary).isInstanceOf(Number.class);
        return ((Number) v).doubleValue();
    }

    /** The preset repeats the reverse diffusion's horizon and cut-off (it names parts by id only): they agree. */
    @Test
    void presetStepMatchesTheDiffusionHorizon() {
        assertThat(GenerativePresets.HORIZON).isEqualTo(Diffusion.HORIZON);
        assertThat(GenerativePresets.T0).isEqualTo(Diffusion.T0);
        assertThat(GenerativePresets.diffusion().spec().dt()).isEqualTo((Diffusion.HORIZON - Diffusion.T0) / 400);
    }

    /** The diffusion preset (exact score, n = 2000, reverse SDE): W2 to the data within 2 x the sampling noise. */
    @Test
    void diffusionPresetGeneratesTheDataLaw() {
        Map<String, Object> s = run(VARFLOW.registry().preset("diffusion").spec());
        double w2 = number(s, "observers", "diffusion-w2", "w2");
        double noise = number(s, "observers", "diffusion-w2", "w2Baseline");
        System.out.printf("diffusion preset: W2 %.4f, two data samples %.4f, mean energy %.4f%n", w2, noise,
                number(s, "energy"));
        assertThat(w2).isLessThan(Math.max(2 * noise, 0.15));
    }

    @Test
    void probabilityFlowOdeRunsDeterministically() {
        FlowSpec spec = VARFLOW.registry().preset("diffusion").spec().withParam(PartKind.SCHEME, "form", "ode")
                .withPart(PartKind.NOISE, "none").withParticles(500);
        Map<String, Object> s = run(spec);
        System.out.printf("PF-ODE preset: W2 %.4f, baseline %.4f%n", number(s, "observers", "diffusion-w2", "w2"),
                number(s, "observers", "diffusion-w2", "w2Baseline"));
        assertThat(number(s, "observers", "diffusion-w2", "w2")).isLessThan(0.3);
    }

    @Test
    void odeWithNoiseIsRefusedBeforeRunning() {
        FlowSpec spec = VARFLOW.registry().preset("diffusion").spec().withParam(PartKind.SCHEME, "form", "ode");
        assertThatThrownBy(() -> run(spec)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("form = ode").hasMessageContaining("noise none");
    }

    @Test
    void dimensionClashIsNamed() {
        FlowSpec spec = VARFLOW.registry().preset("diffusion").spec().withParam(PartKind.ENERGY, "data",
                "mixture-2d");
        assertThatThrownBy(() -> run(spec)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("diffusion-score").hasMessageContaining("dimension 2")
                .hasMessageContaining("dimension 1");
    }

    /** Sinkhorn half-steps never increase the energy and end at -OT_eps with the plan's cost near the exact cost. */
    @Test
    void schrodingerBridgePresetDecreasesTheDualToTheEntropicCost() {
        Map<String, Object> s = run(VARFLOW.registry().preset("schrodinger-bridge").spec());
        double cost = number(s, "observers", "entropic-ot", "transportCost");
        double exact = number(s, "observers", "entropic-ot", "exactCost");
        System.out.printf("schrodinger-bridge preset: energy %.6f -> %.6f, increases %s, cost %.5f, exact %.5f,"
                        + " marginal error %.2e%n", number(s, "energyInitial"), number(s, "energy"),
                ((Map<?, ?>) s.get("diagnostics")).get("energyIncreases"), cost, exact,
                number(s, "observers", "entropic-ot", "marginalError"));
        assertThat(number(s, "diagnostics", "energyIncreases")).isZero();
        assertThat(number(s, "observers", "entropic-ot", "marginalError")).isLessThan(1e-8);
        SchrodingerBridge.Result reference = SchrodingerBridge.run(SchrodingerBridge.demoSource(200, 7),
                SchrodingerBridge.demoTarget(240, 7), 2, new double[] {0.1});
        assertThat(exact).isCloseTo(reference.exactCost(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(cost).isCloseTo(reference.costs()[0], org.assertj.core.api.Assertions.within(1e-6));
        assertThat(number(s, "energy")).isCloseTo(-reference.objectives()[0],
                org.assertj.core.api.Assertions.within(1e-6));
    }

    /**
     * The learned score through the real runner (1-D, the preset's 2000 particles): close to the data law. (With 500
     * particles the run's own draws put too many in the right mode, mean 0.65 against 0.45, whichever model is fitted:
     * W2 at that size is dominated by the split between the modes.)
     */
    @Test
    void learnedScoreRuns() {
        FlowSpec spec = VARFLOW.registry().preset("diffusion").spec().withParam(PartKind.ENERGY, "score", "learned");
        Map<String, Object> s = run(spec);
        double w2 = number(s, "observers", "diffusion-w2", "w2");
        System.out.printf("learned score preset: W2 %.4f, baseline %.4f%n", w2,
                number(s, "observers", "diffusion-w2", "w2Baseline"));
        assertThat(w2).isLessThan(Math.max(2 * number(s, "observers", "diffusion-w2", "w2Baseline"), 0.2));
    }

    @Test
    void partsOnTheWrongSpaceSayWhatTheyNeed() {
        FlowSpec bridge = VARFLOW.registry().preset("schrodinger-bridge").spec();
        assertThatThrownBy(() -> run(bridge.withPart(PartKind.SPACE, "euclidean")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("entropic-ot")
                .hasMessageContaining("coupling");
        assertThatThrownBy(() -> run(bridge.withPart(PartKind.ENERGY, "quadratic")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("sinkhorn")
                .hasMessageContaining("entropic-ot");
        FlowSpec diffusion = VARFLOW.registry().preset("diffusion").spec();
        assertThatThrownBy(() -> run(diffusion.withPart(PartKind.ENERGY, "quadratic")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("reverse-diffusion")
                .hasMessageContaining("diffusion-score");
        assertThatThrownBy(() -> run(diffusion.withParam(PartKind.ENERGY, "epsilon", 0)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> run(bridge.withParam(PartKind.ENERGY, "epsilon", -1)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("entropic-ot")
                .hasMessageContaining("-1").hasMessageContaining("1.0E-4");
        assertThatThrownBy(() -> run(diffusion.withParam(PartKind.ENTROPY, "beta", 2.0)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("temperature 1")
                .hasMessageContaining("0.5");
    }
}
