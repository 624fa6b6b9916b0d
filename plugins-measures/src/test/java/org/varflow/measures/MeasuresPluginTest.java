package org.varflow.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.varflow.api.EnergyFactory;
import org.varflow.api.MetricFactory;
import org.varflow.api.NoiseFactory;
import org.varflow.api.ObserverFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.PartFactory;
import org.varflow.api.Plugin;
import org.varflow.api.SchemeFactory;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;
import org.varflow.api.measure.MeasureBase;

class MeasuresPluginTest {

    @Test
    void serviceLoaderFindsThePlugin() {
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(MeasuresPlugin.class);
    }

    @Test
    void providesTheMeasureParts() {
        MeasuresPlugin p = new MeasuresPlugin();
        assertThat(p.spaces()).extracting(SpaceFactory::id).containsExactlyInAnyOrder("ensemble", "grid-1d",
                "grid-2d");
        assertThat(p.metrics()).extracting(MetricFactory::id).containsExactlyInAnyOrder("wasserstein",
                "fisher-rao-density", "wasserstein-fisher-rao", "stein");
        assertThat(p.energies()).extracting(EnergyFactory::id).containsExactlyInAnyOrder("interaction", "none");
        assertThat(p.entropies()).isEmpty();
        assertThat(p.noises()).extracting(NoiseFactory::id).containsExactlyInAnyOrder("kde-score", "stein-repulsion");
        assertThat(p.schemes()).extracting(SchemeFactory::id).containsExactlyInAnyOrder("density-euler", "jko",
                "entropic-jko");
        assertThat(p.observers()).extracting(ObserverFactory::id).containsExactlyInAnyOrder("free-energy",
                "kl-to-gibbs", "w2-to-gibbs", "mass", "measure-moments", "dirichlet-energy");
        assertThat(p.presets()).isEmpty();
    }

    /** Every part says what it is, documents its parameters and builds with its defaults on the spaces it supports. */
    @Test
    void everyPartDescribesItselfAndBuildsWithItsDefaults() {
        MeasuresPlugin p = new MeasuresPlugin();
        Map<String, Space> spaces = new java.util.HashMap<>();
        for (SpaceFactory f : p.spaces()) {
            Space s = f.create(Parameters.resolve(f.id(), f.parameters(), Map.of()));
            assertThat(s.initialState()).hasSize(s.dimension());
            assertThat(s.base()).isInstanceOf(MeasureBase.class);
            spaces.put(s.kind(), s);
        }
        List<PartFactory<?>> all = new ArrayList<>();
        all.addAll(p.spaces());
        all.addAll(p.metrics());
        all.addAll(p.energies());
        all.addAll(p.entropies());
        all.addAll(p.noises());
        all.addAll(p.schemes());
        for (PartFactory<?> f : all) {
            assertThat(f.id()).matches("[a-z][a-z0-9-]*");
            assertThat(f.summary()).as(f.id()).isNotBlank();
            assertThat(f.formula()).as(f.id()).isNotBlank();
            for (Parameter par : f.parameters()) {
                assertThat(par.meaning()).as(f.id() + "." + par.name()).isNotBlank();
            }
            Parameters defaults = Parameters.resolve(f.id(), f.parameters(), Map.of());
            for (String kind : f.spaces()) {
                Space s = spaces.get(kind);
                if (s == null) {
                    continue; // the interaction energy's base kind, checked below
                }
                if (f instanceof MetricFactory m) {
                    assertThat(m.create(defaults, s)).as(f.id() + " on " + kind).isNotNull();
                } else if (f instanceof NoiseFactory n) {
                    assertThat(n.create(defaults, s)).as(f.id() + " on " + kind).isNotNull();
                } else if (f instanceof SchemeFactory sc) {
                    // a scheme is made from a whole flow, checked against its requirements: the presets' runs do it
                    assertThat(sc.requires()).as(f.id()).isNotNull();
                }
            }
        }
        for (EnergyFactory e : p.energies()) {
            for (Space s : spaces.values()) {
                assertThat(s.lift(e.create(Parameters.resolve(e.id(), e.parameters(), Map.of()), s.base())))
                        .isNotNull();
            }
        }
    }
}
