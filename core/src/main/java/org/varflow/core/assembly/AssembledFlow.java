package org.varflow.core.assembly;

import java.util.Map;
import java.util.Objects;
import org.varflow.api.Flow;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartKind;
import org.varflow.api.Scheme;

/**
 * A flow ready to run: the spec it came from, the five parts, the scheme and each slot's resolved choice.
 * Produced only by {@link FlowAssembler}, after the compatibility check.
 */
public record AssembledFlow(FlowSpec spec, Flow flow, Scheme scheme, Map<PartKind, ResolvedPart> parts) {
    public AssembledFlow {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(scheme, "scheme");
        parts = Map.copyOf(parts);
    }

    public ResolvedPart part(PartKind kind) {
        return parts.get(kind);
    }
}
