package org.varflow.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The choice of one part: its registered id and the parameter values given for it (raw: text, numbers, booleans
 * or lists, as written on the command line or in a spec file; validated when the flow is assembled).
 *
 * @param id     a registered id, never a class name
 * @param params given values by parameter name; unspecified parameters take their defaults
 */
public record PartChoice(String id, Map<String, Object> params) {
    public PartChoice {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new ConfigurationException("a part id must not be empty");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        if (params != null) {
            params.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "parameter name"),
                    Objects.requireNonNull(v, () -> "value of parameter '" + k + "'")));
        }
        params = Collections.unmodifiableMap(copy);
    }

    /** A part with all parameters at their defaults. */
    public static PartChoice of(String id) {
        return new PartChoice(id, Map.of());
    }

    /** A copy with one more (or a replaced) parameter value. */
    public PartChoice with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        copy.put(name, value);
        return new PartChoice(id, copy);
    }
}
