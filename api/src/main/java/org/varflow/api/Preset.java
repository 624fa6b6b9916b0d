package org.varflow.api;

import java.util.List;
import java.util.Objects;

/**
 * A method: a named composition of the five parts and a scheme, with the text {@code varflow explain} prints.
 *
 * @param id         e.g. {@code "langevin"}
 * @param summary    one line
 * @param equation   the equation it integrates, plain text
 * @param reducesTo  what it is a special case of or reduces to, and its limits
 * @param references where it comes from (authors, year), may be empty
 * @param spec       the composition with its default parameters, steps, dt and seed
 */
public record Preset(String id, String summary, String equation, String reducesTo, List<String> references,
                     FlowSpec spec) {
    public Preset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(equation, "equation");
        Objects.requireNonNull(reducesTo, "reducesTo");
        references = List.copyOf(references);
        Objects.requireNonNull(spec, "spec");
        if (!id.equals(spec.preset())) {
            spec = spec.withPreset(id);
        }
    }
}
