package org.varflow.models.presets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.varflow.api.EnergyFactory;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.api.Preset;
import org.varflow.api.Space;
import org.varflow.api.SpaceKinds;
import org.varflow.models.ModelsPlugin;
import org.varflow.models.TestSpace;
import org.varflow.models.manifold.ManifoldModelsPlugin;

/** The presets' specs and texts (their runs are checked end to end in the CLI module, which has every plugin). */
class GeometryPresetsTest {

    static Stream<Preset> presets() {
        return GeometryPresets.all().stream();
    }

    @Test
    void serviceLoaderFindsThePlugin() {
        assertThat(java.util.ServiceLoader.load(org.varflow.api.Plugin.class).stream()
                .map(java.util.ServiceLoader.Provider::type)).contains(ManifoldModelsPlugin.class);
    }

    @Test
    void fourPresetsAndThePluginsEnergies() {
        ManifoldModelsPlugin p = new ManifoldModelsPlugin();
        assertThat(p.presets()).isEmpty();
        assertThat(GeometryPresets.all()).extracting(Preset::id).containsExactlyInAnyOrder("riemannian-gd",
                "mirror-descent",
                "natural-gradient", "adam");
        assertThat(p.energies()).extracting(EnergyFactory::id).containsExactlyInAnyOrder("rayleigh", "linear",
                "poisson-nll", "hyperbolic-distance", "logistic-regression", "gaussian-fit", "categorical-fit");
        assertThat(p.metrics()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void specIsCompleteAndTextIsThere(Preset preset) {
        FlowSpec spec = preset.spec();
        assertThat(spec.preset()).isEqualTo(preset.id());
        for (PartKind kind : PartKind.values()) {
            assertThat(spec.part(kind).id()).as(kind.label()).isNotBlank();
        }
        assertThat(spec.stepCount()).isPositive();
        assertThat(preset.equation()).contains("grad E");
        assertThat(preset.reducesTo()).hasSizeGreaterThan(400);
        assertThat(preset.references()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(r -> assertThat(r).matches(".*\\(\\d{4}\\).*"));
        assertThat(spec.part(PartKind.ENTROPY).id()).isEqualTo("none");
        assertThat(spec.part(PartKind.NOISE).id()).isEqualTo("none");
    }

    /** Each preset's energy lives in this module or in ModelsPlugin and builds from the preset's parameters. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void energyBuildsOnThePresetsSpace(Preset preset) {
        PartChoice energy = preset.spec().part(PartKind.ENERGY);
        EnergyFactory f = Stream.concat(new ManifoldModelsPlugin().energies().stream(),
                new ModelsPlugin().energies().stream()).filter(e -> e.id().equals(energy.id())).findFirst()
                .orElseThrow();
        PartChoice space = preset.spec().part(PartKind.SPACE);
        int d = ((Number) space.params().get("dimension")).intValue();
        String kind = switch (space.id()) {
            case "sphere" -> SpaceKinds.SPHERE;
            case "simplex" -> SpaceKinds.SIMPLEX;
            default -> Space.EUCLIDEAN;
        };
        assertThat(f.supports(kind)).as(f.id() + " on " + kind).isTrue();
        var e = f.create(org.varflow.api.Parameters.resolve("energy", f.parameters(), energy.params()),
                TestSpace.ofKind(kind, d));
        double[] x = new double[d];
        java.util.Arrays.fill(x, 1.0 / d);
        assertThat(e.value(x)).isFinite();
    }

    @Test
    void naturalGradientDampingIsTheL2Weight() {
        Map<String, Object> metric = GeometryPresets.naturalGradient().spec().part(PartKind.METRIC).params();
        assertThat(metric).containsEntry("damping", 1e-3);
        assertThat(GeometryPresets.naturalGradient().spec().dt()).isEqualTo(1.0);
    }
}
