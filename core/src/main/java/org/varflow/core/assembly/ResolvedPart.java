package org.varflow.core.assembly;

import java.util.Objects;
import org.varflow.api.PartFactory;
import org.varflow.api.PartKind;
import org.varflow.api.Parameters;

/**
 * One slot of an assembled flow: the factory chosen, its validated parameters and the plugin it came from.
 *
 * @param kind          the slot
 * @param factory       the chosen factory
 * @param parameters    validated values, defaults filled in
 * @param plugin        id of the providing plugin
 * @param pluginVersion version of the providing plugin
 */
public record ResolvedPart(PartKind kind, PartFactory<?> factory, Parameters parameters, String plugin,
                           String pluginVersion) {
    public ResolvedPart {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(parameters, "parameters");
    }

    public String id() {
        return factory.id();
    }

    /** How messages name this part, e.g. {@code energy 'quadratic'}. */
    public String label() {
        return kind + " '" + factory.id() + "'";
    }
}
