package org.varflow.core.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.Names;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.core.registry.PartRegistry;

/**
 * Reads spec files (JSON or YAML, one schema, the fields of {@link FlowSpec}):
 *
 * <pre>
 * preset: langevin            # optional: start from this preset
 * parts:                      # any subset when a preset is given, all six otherwise
 *   energy: {id: double-well, params: {tilt: 0.2}}
 *   noise: thermal            # an id alone keeps default parameters
 * steps: 1000                 # or time: 5.0
 * dt: 0.01
 * seed: 7
 * particles: 1000
 * every: 10
 * </pre>
 *
 * A part given with the same id as the preset's keeps the preset's parameters and overrides only those listed.
 * Spec files name registered ids only, never class names, and are read without polymorphic typing. Errors name the
 * file and, for syntax errors, the line and column. A run summary (it has {@code provenance} and {@code spec}) is
 * accepted too: its recorded {@code spec}, with every parameter explicit, repeats the run.
 */
public final class SpecFiles {
    /** Largest spec file read. */
    public static final long MAX_BYTES = 1 << 20;
    private static final Set<String> TOP_KEYS = Set.of("preset", "parts", "steps", "time", "dt", "seed", "particles",
            "every");
    private static final Set<String> PART_KEYS = Set.of("id", "params");

    private SpecFiles() {
    }

    /** Reads {@code file}; its {@code preset} (if any) is looked up in {@code registry}. */
    public static FlowSpec read(Path file, PartRegistry registry) {
        return read(file, registry, null);
    }

    /**
     * Reads {@code file} on top of {@code base} (may be null). When the file names a preset and a base is given,
     * they must agree.
     */
    public static FlowSpec read(Path file, PartRegistry registry, FlowSpec base) {
        String name = file.toString();
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new ConfigurationException("spec file " + name + " is a directory");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigurationException("spec file " + name + " is " + Files.size(file)
                        + " bytes; spec files are at most " + MAX_BYTES + " bytes");
            }
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("spec file " + name + " does not exist");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ConfigurationException("spec file " + name + " is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigurationException("spec file " + name + " cannot be read: " + e.getMessage());
        }
        boolean yaml = isYaml(name, text);
        return parse(name, text, yaml, registry, base);
    }

    /** Parses spec text; {@code yaml} selects YAML (a superset of JSON) over strict JSON. */
    public static FlowSpec parse(String name, String text, boolean yaml, PartRegistry registry, FlowSpec base) {
        if (text.isBlank()) {
            throw new ConfigurationException("spec file " + name + " is empty; see 'varflow explain' for the schema");
        }
        JsonNode root;
        try {
            root = mapper(yaml).readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ", line " + at.getLineNr() + ", column " + at.getColumnNr();
            String why = firstLine(e.getOriginalMessage());
            if (why.contains("nesting depth")) {
                why = "nested deeper than 64 levels; a spec file is a flat mapping (see docs/README.md)";
            }
            throw new ConfigurationException("spec file " + name + where + ": " + why);
        } catch (RuntimeException e) {
            throw new ConfigurationException("spec file " + name + ": cannot be parsed: " + firstLine(e.getMessage()));
        }
        // (nesting deeper than 64 levels, strings over 1 MiB and numbers over 100 digits are refused while parsing)
        if (root == null || !root.isObject()) {
            throw new ConfigurationException("spec file " + name + ": expected a mapping of keys " + sorted(TOP_KEYS)
                    + " at the top, found " + kindOf(root));
        }
        if (root.has("provenance") && root.has("spec")) {
            // a run summary: repeat the run it records
            JsonNode recorded = root.get("spec");
            if (!recorded.isObject()) {
                throw new ConfigurationException("spec file " + name + " looks like a run summary but its 'spec' is "
                        + kindOf(recorded));
            }
            return apply(name, (ObjectNode) recorded, registry, base);
        }
        return apply(name, (ObjectNode) root, registry, base);
    }

    private static FlowSpec apply(String name, ObjectNode root, PartRegistry registry, FlowSpec base) {
        checkKeys(name, "", root, TOP_KEYS);
        FlowSpec spec = base;
        if (root.has("preset")) {
            String preset = text(name, "preset", root.get("preset"));
            if (base != null && base.preset() != null && !base.preset().equals(preset)) {
                throw new ConfigurationException("spec file " + name + " names preset '" + preset
                        + "' but the command line names '" + base.preset() + "'; give one");
            }
            if (base == null) {
                spec = registry.preset(preset).spec();
            }
        }
        Map<PartKind, PartChoice> parts = new LinkedHashMap<>();
        if (root.has("parts")) {
            JsonNode node = root.get("parts");
            if (!node.isObject()) {
                throw new ConfigurationException("spec file " + name + ": 'parts' must be a mapping from part kind"
                        + " (space, metric, energy, entropy, noise, scheme) to an id or {id, params}; found "
                        + kindOf(node));
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                PartKind kind;
                try {
                    kind = PartKind.fromLabel(e.getKey());
                } catch (ConfigurationException ex) {
                    throw new ConfigurationException("spec file " + name + ": 'parts." + e.getKey()
                            + "' is not a part kind" + Names.suggestion(e.getKey(),
                            List.of("space", "metric", "energy", "entropy", "noise", "scheme")));
                }
                parts.put(kind, choice(name, "parts." + e.getKey(), e.getValue()));
            }
        }
        if (spec == null) {
            List<String> missing = new ArrayList<>();
            for (PartKind kind : PartKind.values()) {
                if (!parts.containsKey(kind)) {
                    missing.add(kind.label());
                }
            }
            if (!missing.isEmpty()) {
                throw new ConfigurationException("spec file " + name + " names no preset, so 'parts' must give all"
                        + " six parts; missing: " + missing);
            }
            if (!root.has("dt") || !(root.has("steps") || root.has("time"))) {
                throw new ConfigurationException("spec file " + name + " names no preset, so it must give 'dt' and"
                        + " one of 'steps' or 'time'");
            }
            Map<PartKind, PartChoice> all = new java.util.EnumMap<>(PartKind.class);
            all.putAll(parts);
            double dt = real(name, "dt", root.get("dt"));
            spec = root.has("steps") ? new FlowSpec(null, all, whole(name, "steps", root.get("steps")), null, dt, 0L,
                    1, null) : new FlowSpec(null, all, null, real(name, "time", root.get("time")), dt, 0L, 1, null);
        } else {
            for (Map.Entry<PartKind, PartChoice> e : parts.entrySet()) {
                PartChoice old = spec.part(e.getKey());
                PartChoice next = e.getValue();
                if (old.id().equals(next.id())) {
                    Map<String, Object> merged = new LinkedHashMap<>(old.params());
                    merged.putAll(next.params());
                    next = new PartChoice(next.id(), merged);
                }
                spec = spec.withPart(e.getKey(), next);
            }
        }
        try {
            if (root.has("steps") && root.has("time")) {
                throw new ConfigurationException("give one of 'steps' and 'time', not both");
            }
            if (root.has("dt")) {
                spec = spec.withDt(real(name, "dt", root.get("dt")));
            }
            if (root.has("steps")) {
                spec = spec.withSteps(whole(name, "steps", root.get("steps")));
            }
            if (root.has("time")) {
                spec = spec.withTime(real(name, "time", root.get("time")));
            }
            if (root.has("seed")) {
                spec = spec.withSeed(whole(name, "seed", root.get("seed")));
            }
            if (root.has("particles")) {
                long n = whole(name, "particles", root.get("particles"));
                if (n < 1 || n > Integer.MAX_VALUE) {
                    throw new ConfigurationException("particles = " + n + " is not valid; expected a whole number in"
                            + " [1, " + Integer.MAX_VALUE + "]");
                }
                spec = spec.withParticles((int) n);
            }
            if (root.has("every")) {
                long k = whole(name, "every", root.get("every"));
                if (k < 1 || k > Integer.MAX_VALUE) {
                    throw new ConfigurationException("every = " + k + " is not valid; expected a whole number >= 1");
                }
                spec = spec.withEvery((int) k);
            }
        } catch (ConfigurationException e) {
            if (e.getMessage().startsWith("spec file")) {
                throw e;
            }
            throw new ConfigurationException("spec file " + name + ": " + e.getMessage());
        }
        return spec;
    }

    private static PartChoice choice(String name, String path, JsonNode node) {
        if (node.isTextual()) {
            return PartChoice.of(checkId(name, path, node.asText()));
        }
        if (!node.isObject()) {
            throw new ConfigurationException("spec file " + name + ": '" + path + "' must be an id or {id, params};"
                    + " found " + kindOf(node));
        }
        checkKeys(name, path + ".", node, PART_KEYS);
        if (!node.has("id")) {
            throw new ConfigurationException("spec file " + name + ": '" + path + "' has no 'id'");
        }
        String id = checkId(name, path + ".id", text(name, path + ".id", node.get("id")));
        Map<String, Object> params = new LinkedHashMap<>();
        if (node.has("params")) {
            JsonNode p = node.get("params");
            if (!p.isObject()) {
                throw new ConfigurationException("spec file " + name + ": '" + path + ".params' must be a mapping"
                        + " from parameter name to value; found " + kindOf(p));
            }
            Iterator<Map.Entry<String, JsonNode>> it = p.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), raw(name, path + ".params." + e.getKey(), e.getValue(), 0));
            }
        }
        return new PartChoice(id, params);
    }

    private static String checkId(String name, String path, String id) {
        if (!id.matches("[a-z0-9][a-z0-9.-]*")) {
            throw new ConfigurationException("spec file " + name + ": '" + path + "' = '" + abbreviate(id)
                    + "' is not a part id (ids are lower case words with dashes, as listed by 'varflow list';"
                    + " class names are not accepted)");
        }
        return id;
    }

    /** A JSON value as a raw parameter value: text, number, boolean, or a list of those (nested once). */
    private static Object raw(String name, String path, JsonNode node, int depth) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isArray() && depth < 2) {
            List<Object> list = new ArrayList<>();
            for (JsonNode item : node) {
                list.add(raw(name, path, item, depth + 1));
            }
            return list;
        }
        throw new ConfigurationException("spec file " + name + ": '" + path + "' must be a number, word, boolean"
                + " or list; found " + kindOf(node));
    }

    private static void checkKeys(String name, String prefix, JsonNode node, Set<String> valid) {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String key = it.next();
            if (!valid.contains(key)) {
                throw new ConfigurationException("spec file " + name + ": unknown key '" + prefix + key + "'"
                        + Names.suggestion(key, valid));
            }
        }
    }

    private static String text(String name, String key, JsonNode node) {
        if (!node.isTextual()) {
            throw new ConfigurationException("spec file " + name + ": '" + key + "' must be a word; found "
                    + kindOf(node));
        }
        return node.asText();
    }

    private static double real(String name, String key, JsonNode node) {
        if (node.isNumber() || node.isTextual()) {
            try {
                double v = node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText().trim());
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ConfigurationException("spec file " + name + ": '" + key + "' must be a finite real number; found "
                + kindOf(node));
    }

    private static long whole(String name, String key, JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isNumber() && node.asDouble() == Math.rint(node.asDouble()) && Math.abs(node.asDouble()) < 0x1p53) {
            return (long) node.asDouble();
        }
        throw new ConfigurationException("spec file " + name + ": '" + key + "' must be a whole number; found "
                + kindOf(node));
    }

    private static String kindOf(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return "'" + abbreviate(node.asText()) + "'";
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    private static boolean isYaml(String name, String text) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return false;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return true;
        }
        return !text.stripLeading().startsWith("{");
    }

    private static ObjectMapper mapper(boolean yaml) {
        StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(64)
                .maxStringLength(1 << 20).maxNumberLength(100).build();
        if (yaml) {
            YAMLFactory f = YAMLFactory.builder().streamReadConstraints(limits).build();
            return YAMLMapper.builder(f).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        }
        JsonMapper m = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS).build();
        m.getFactory().setStreamReadConstraints(limits);
        return m;
    }
}
