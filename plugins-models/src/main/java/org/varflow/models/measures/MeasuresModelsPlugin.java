package org.varflow.models.measures;

import java.util.Collection;
import org.varflow.api.Plugin;
import org.varflow.api.Preset;

/**
 * The distribution-space methods: Fokker-Planck, heat and porous-medium flows of grid densities, aggregation,
 * the Fisher-Rao (birth-death) flow, particle Fokker-Planck by thermal noise or by a kernel-density score, SVGD and the
 * 1-D JKO scheme. The measure spaces, metrics, schemes and the energies {@code interaction} and {@code none} live in
 * plugins-measures; the potentials are this module's energies on R^d ({@code quadratic}, {@code double-well}, ...),
 * lifted by the measure spaces to integral V d rho.
 */
public final class MeasuresModelsPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-models-measures";
    }

    @Override
    public Collection<Preset> presets() {
        return MeasurePresets.all();
    }
}
