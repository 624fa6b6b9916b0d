package org.varflow.serve.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.varflow.Varflow;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartKind;
import org.varflow.core.assembly.AssembledFlow;

/**
 * Which parts fit a composition, slot by slot, decided by the same rules as a run: each candidate is put in its slot
 * (with its default parameters, the other slots as given) and the flow is assembled; the assembler's message says
 * why a candidate does not fit. Nothing runs. Results are cached by spec, since the page asks again for each change.
 */
public final class Compatibility {
    private static final int CACHE = 64;

    private final Varflow varflow;
    private final Map<FlowSpec, Result> cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<FlowSpec, Result> eldest) {
            return size() > CACHE;
        }
    });

    public Compatibility(Varflow varflow) {
        this.varflow = varflow;
    }

    /**
     * One candidate for a slot.
     *
     * @param id     its registered id
     * @param fits   whether the flow assembles with it
     * @param reason the assembler's message when it does not fit, else null
     */
    public record Option(String id, boolean fits, String reason) {
    }

    /**
     * The verdict on a composition.
     *
     * @param error   the assembler's message for the composition as given, or null when it assembles
     * @param options per slot, every registered part and whether it fits
     */
    public record Result(String error, Map<PartKind, List<Option>> options) {
        public Result {
            options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }

        /** As JSON: {@code {error, slots: {kind: [{id, fits, reason}]}}}. */
        public Map<String, Object> toMap() {
            Map<String, Object> slots = new LinkedHashMap<>();
            options.forEach((kind, list) -> slots.put(kind.label(), list.stream().map(o -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", o.id());
                m.put("fits", o.fits());
                m.put("reason", o.reason());
                return m;
            }).toList()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("error", error);
            m.put("slots", slots);
            return m;
        }
    }

    /** Every registered part of every slot, tried against the rest of {@code spec}. */
    public Result check(FlowSpec spec) {
        Result known = cache.get(spec);
        if (known != null) {
            return known;
        }
        String error = problem(spec);
        Map<PartKind, List<Option>> options = new LinkedHashMap<>();
        for (PartKind kind : PartKind.values()) {
            String current = spec.part(kind).id();
            List<Option> list = new ArrayList<>();
            for (String id : varflow.registry().factories(kind).keySet()) {
                String why = id.equals(current) ? error : problem(spec.withPart(kind, id));
                list.add(new Option(id, why == null, why));
            }
            options.put(kind, list);
        }
        Result result = new Result(error, options);
        cache.put(spec, result);
        return result;
    }

    /** The assembler's message for {@code spec}, or null when it assembles. */
    private String problem(FlowSpec spec) {
        try {
            AssembledFlow ignored = varflow.assemble(spec);
            return null;
        } catch (ConfigurationException e) {
            return e.getMessage();
        } catch (RuntimeException e) { // a part that fails while being built is reported, never thrown at the page
            return "the flow could not be assembled: " + e;
        }
    }
}
