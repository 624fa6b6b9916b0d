package org.varflow.models.presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.varflow.api.FlowSpec;
import org.varflow.api.Preset;
import org.varflow.Varflow;

class MeasurePresetsTest {

    static Stream<Preset> presets() {
        return MeasurePresets.all().stream();
    }

    @Test
    void providesTheMeasurePresets() {
        assertThat(MeasurePresets.all()).extracting(Preset::id).containsExactlyInAnyOrder("fokker-planck", "heat",
                "porous-medium", "aggregation", "fisher-rao-density", "particle-fokker-planck",
                "particle-fokker-planck-kde", "svgd", "jko");
        assertThat(java.util.ServiceLoader.load(org.varflow.api.Plugin.class).stream()
                .map(java.util.ServiceLoader.Provider::type)).contains(PresetsPlugin.class);
    }

    /** Every preset explains itself, assembles, and a short run of it stays finite and reports its diagnostics. */
    @ParameterizedTest
    @MethodSource("presets")
    void everyPresetRunsBriefly(Preset preset) {
        assertThat(preset.summary()).isNotBlank();
        assertThat(preset.equation()).isNotBlank();
        assertThat(preset.reducesTo()).isNotBlank();
        assertThat(preset.references()).isNotEmpty();
        FlowSpec spec = MeasureModelRuns.preset(preset.id());
        FlowSpec brief = spec.withTime(Math.min(spec.time(), 20 * spec.dt()));
        Varflow.Outcome out = MeasureModelRuns.run(brief);
        assertThat(out.summary().toMap().get("preset")).isEqualTo(preset.id());
        assertThat((Boolean) MeasureModelRuns.get(out.summary().toMap(), "diagnostics", "finite")).isTrue();
        Map<String, Object> observers = MeasureModelRuns.get(out.summary().toMap(), "observers");
        assertThat(observers).containsKeys("free-energy", "measure-moments");
    }

    /**
     * The full fokker-planck preset: KL to Gibbs follows the Ornstein-Uhlenbeck closed form (see the geometry tests).
     */
    @Test
    void fokkerPlanckPresetRelaxesToGibbs() {
        Map<String, Object> s = MeasureModelRuns.run(MeasureModelRuns.preset("fokker-planck")).summary().toMap();
        double m = 2 * Math.exp(-6);
        double v = 1 - 0.75 * Math.exp(-12);
        double exact = 0.5 * (v + m * m - 1 - Math.log(v));
        // relative error budget 2 t (h + dx^2 / 12) = 0.02 at t = 6 (measured 8e-4)
        assertThat(MeasureModelRuns.number(s, "observers", "kl-to-gibbs", "final") / exact - 1)
                .isCloseTo(0, within(0.02));
        assertThat(MeasureModelRuns.number(s, "observers", "mass", "maxDrift")).isLessThanOrEqualTo(1e-12);
    }

    /** SVGD: the target N((1, 1), I/2) is matched in mean (0.02) and variance (15%, SVGD's finite-N shrinkage). */
    @Test
    void svgdPresetMatchesItsGaussianTarget() {
        Map<String, Object> s = MeasureModelRuns.run(MeasureModelRuns.preset("svgd")).summary().toMap();
        java.util.List<Double> mean = MeasureModelRuns.get(s, "observers", "measure-moments", "final", "mean");
        java.util.List<java.util.List<Double>> cov = MeasureModelRuns.get(s, "observers", "measure-moments", "final",
                "covariance");
        for (int a = 0; a < 2; a++) {
            assertThat(mean.get(a)).isCloseTo(1.0, within(0.02));
            assertThat(cov.get(a).get(a)).isCloseTo(0.5, within(0.075));
        }
    }
}
