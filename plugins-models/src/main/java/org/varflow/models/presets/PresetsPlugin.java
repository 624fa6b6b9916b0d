package org.varflow.models.presets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.varflow.api.Plugin;
import org.varflow.api.Preset;

/**
 * Every method preset varflow ships: a named composition of the five parts and a scheme, by registered ids, so a
 * preset may combine parts of any module. The presets are grouped by topic in this package (method, geometry,
 * sampling, measure, variational, path, mean-field and generative presets); this plugin provides them all.
 */
public final class PresetsPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-presets";
    }

    @Override
    public Collection<Preset> presets() {
        List<Preset> all = new ArrayList<>();
        all.addAll(MethodPresets.all());
        all.addAll(GeometryPresets.all());
        all.addAll(SamplingPresets.all());
        all.addAll(MeasurePresets.all());
        all.add(VariationalPresets.gaussianVi());
        all.addAll(PathPresets.all());
        all.addAll(MeanFieldPresets.all());
        all.addAll(GenerativePresets.all());
        return List.copyOf(all);
    }
}
