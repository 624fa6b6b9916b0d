package org.varflow.models.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.varflow.api.EnergyFactory;
import org.varflow.api.FlowSpec;
import org.varflow.api.Plugin;
import org.varflow.api.Preset;
import org.varflow.Varflow;
import org.varflow.models.presets.SamplingPresets;

/** The sampling plugin: found by ServiceLoader, its presets complete, explained, and runnable. */
class SamplingPresetsTest {

    static Stream<Preset> presets() {
        return SamplingPresets.all().stream();
    }

    @Test
    void serviceLoaderFindsThePlugin() {
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(SamplingModelsPlugin.class);
        SamplingModelsPlugin plugin = new SamplingModelsPlugin();
        assertThat(plugin.energies()).extracting(EnergyFactory::id).containsExactly("bayes-linear-regression");
        assertThat(plugin.presets()).isEmpty();
        assertThat(SamplingPresets.all()).extracting(Preset::id).containsExactlyInAnyOrder("hamiltonian",
                "gradient-flow-phase", "underdamped-langevin", "heavy-ball", "mala", "sgd", "sgld",
                "annealed-langevin");
    }

    @Test
    void discoveredTogetherWithEveryOtherPluginNoIdClashes() {
        // the classpath of this test holds every plugin module: ids must be unique across all of them
        org.varflow.core.discovery.DiscoveryReport report = org.varflow.core.discovery.PluginDiscovery
                .discover(getClass().getClassLoader());
        assertThat(report.problems()).isEmpty();
        Varflow discovered = Varflow.wire(report);
        for (Preset p : SamplingPresets.all()) {
            assertThat(discovered.assemble(p.spec())).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void isExplainedAndRunsBriefly(Preset preset) {
        assertThat(preset.summary()).isNotBlank();
        assertThat(preset.equation()).isNotBlank();
        assertThat(preset.reducesTo()).hasSizeGreaterThan(300);
        assertThat(preset.references()).isNotEmpty().allSatisfy(r -> assertThat(r).matches(".*\\(\\d{4}\\).*"));
        assertThat(SamplingRuns.VARFLOW.registry().preset(preset.id())).isEqualTo(preset);
        FlowSpec brief = preset.spec().withSteps(5).withParticles(Math.min(preset.spec().particles(), 10));
        Varflow.Outcome out = SamplingRuns.run(brief);
        assertThat(SamplingRuns.<Boolean>get(out.summary().toMap(), "diagnostics", "finite")).isTrue();
        assertThat(SamplingRuns.<String>get(out.summary().toMap(), "preset")).isEqualTo(preset.id());
    }

    @Test
    void heavyBallParametersArePolyaksOptimum() {
        // alpha = 4 / (sqrt 100 + 1)^2, mu = (9/11)^2; h^2 = 2 alpha / (1 + mu) = 4 / 101
        assertThat(SamplingPresets.HEAVY_BALL_DT).isCloseTo(2 / Math.sqrt(101), within(1e-15));
        assertThat(SamplingPresets.HEAVY_BALL_FRICTION).isCloseTo(Math.log(121.0 / 81) * Math.sqrt(101) / 2,
                within(1e-12));
        assertThat(SamplingPresets.heavyBall().reducesTo()).contains("0.19901").contains("2.0167")
                .contains("9/11 = 0.818").contains("99/101 = 0.980");
        double c = Math.exp(-SamplingPresets.HEAVY_BALL_FRICTION * SamplingPresets.HEAVY_BALL_DT);
        assertThat(c).isCloseTo(81.0 / 121, within(1e-14));
        assertThat(SamplingPresets.HEAVY_BALL_DT * SamplingPresets.HEAVY_BALL_DT * (1 + c) / 2)
                .isCloseTo(4.0 / 121, within(1e-15));
    }

    @Test
    void numbersQuotedInTheTextsHold() {
        // hamiltonian: h^2/8 for h = 0.1
        assertThat(SamplingPresets.hamiltonian().reducesTo()).contains("[-1.25e-3, 0]");
        // underdamped-langevin: (1 - h^2/4) at h = 0.1
        assertThat(String.format(java.util.Locale.ROOT, "%.4f", 1 - 0.01 / 4)).isEqualTo("0.9975");
        assertThat(SamplingPresets.underdampedLangevin().reducesTo()).contains("0.9975");
        // sgd / sgld: final step 1e-3 (1 + 2999)^-0.55 and the posterior numbers
        String last = String.format(java.util.Locale.ROOT, "%.2g", 1e-3 * Math.pow(3000, -0.55));
        assertThat(last).isEqualTo("1.2e-05");
        assertThat(SamplingPresets.sgld().reducesTo()).contains("1.2e-5").contains("(0.4948, -1.0023)")
                .contains("(0.0553, 0.0575)");
        assertThat(SamplingPresets.sgd().reducesTo()).contains("1.2e-5");
        // annealed-langevin: the tilted double well's critical points
        assertThat(SamplingPresets.annealedLangevin().reducesTo()).contains("-0.838").contains("1.107")
                .contains("-0.270");
    }
}
