package org.varflow.core.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.Names;
import org.varflow.api.Parameter;
import org.varflow.api.PartChoice;
import org.varflow.api.PartFactory;
import org.varflow.api.PartKind;
import org.varflow.api.io.Excerpt;
import org.varflow.api.io.InputFiles;
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
 * Spec files name registered ids only, never class names, and are read without polymorphic typing. Part ids and
 * the names and values of the parameters given are checked against the registry while reading. Every error names
 * the file, the line and column (of the offending key for an unknown key, of the value otherwise) and what would be
 * valid. A run summary (it has {@code provenance} and {@code spec}) is accepted too: its recorded {@code spec}, with
 * every parameter explicit, repeats the run.
 */
public final class SpecFiles {
    /** Largest spec file read. */
    public static final long MAX_BYTES = 1 << 20;
    private static final Set<String> TOP_KEYS = Set.of("preset", "parts", "steps", "time", "dt", "seed", "particles",
            "every");
    private static final Set<String> PART_KEYS = Set.of("id", "params");
    private static final List<String> KINDS = List.of("space", "metric", "energy", "entropy", "noise", "scheme");

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
        String name = Excerpt.path(file.toString());
        byte[] bytes = InputFiles.readAll(file, MAX_BYTES, "spec file");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigurationException("spec file " + name + " is not UTF-8 text");
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
        Doc doc = new Doc(name, text, yaml, registry);
        doc.checkDuplicateKeys();
        if (root == null || !root.isObject()) {
            throw doc.fail(Ptr.ROOT, false, "expected a mapping of keys " + sorted(TOP_KEYS) + " at the top, found "
                    + kindOf(root));
        }
        if (root.has("provenance") && root.has("spec")) {
            // a run summary: repeat the run it records
            JsonNode recorded = root.get("spec");
            Ptr at = Ptr.ROOT.child("spec");
            if (!recorded.isObject()) {
                throw doc.fail(at, false, "this looks like a run summary but its 'spec' is " + kindOf(recorded));
            }
            return doc.apply(at, (ObjectNode) recorded, base);
        }
        return doc.apply(Ptr.ROOT, (ObjectNode) root, base);
    }

    /**
     * A path into the document: the keys and list indices from the root. Shown dotted in messages (list indices
     * left out), used whole to find the line and column.
     */
    private record Ptr(List<String> segments, String dotted) {
        static final Ptr ROOT = new Ptr(List.of(), "");

        Ptr child(String key) {
            List<String> s = new ArrayList<>(segments);
            s.add(key);
            return new Ptr(List.copyOf(s), dotted.isEmpty() ? key : dotted + "." + key);
        }

        Ptr index(int i) {
            List<String> s = new ArrayList<>(segments);
            s.add("[" + i + "]");
            return new Ptr(List.copyOf(s), dotted);
        }

        /** The dotted path below the document's spec root (a summary's {@code spec}). */
        String shown(Ptr root) {
            return root.dotted.isEmpty() || !dotted.startsWith(root.dotted + ".") ? dotted
                    : dotted.substring(root.dotted.length() + 1);
        }
    }

    /** One document being checked: knows how to turn a path into a line and column for its messages. */
    private static final class Doc {
        private final String name;
        private final String text;
        private final boolean yaml;
        private final PartRegistry registry;
        private Ptr root = Ptr.ROOT;

        Doc(String name, String text, boolean yaml, PartRegistry registry) {
            this.name = name;
            this.text = text;
            this.yaml = yaml;
            this.registry = registry;
        }

        /** A message naming the file and, when it can be found, the line and column of the key or its value. */
        ConfigurationException fail(Ptr at, boolean key, String message) {
            JsonLocation loc = locate(at, key);
            String where = loc == null || loc.getLineNr() < 1 ? ""
                    : ", line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            return new ConfigurationException("spec file " + name + where + ": " + message);
        }

        /** Runs {@code body}, giving a {@link ConfigurationException} it throws the location of {@code at}. */
        <T> T at(Ptr at, boolean key, Supplier<T> body) {
            try {
                return body.get();
            } catch (ConfigurationException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("spec file ")) {
                    throw e;
                }
                throw fail(at, key, e.getMessage());
            }
        }

        /**
         * Streams through the text once, tracking the path of every token, and returns where the key (or its value)
         * at {@code at} starts; null if it is not there (or the path is the root and a key is asked for).
         */
        private JsonLocation locate(Ptr at, boolean key) {
            if (at.segments().isEmpty() && key) {
                return null;
            }
            List<String> wanted = at.segments();
            Deque<Frame> stack = new ArrayDeque<>();
            try (JsonParser p = mapper(yaml).getFactory().createParser(text)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    Frame top = stack.peek();
                    if (t == JsonToken.FIELD_NAME) {
                        top.field = p.currentName();
                        if (key && wanted.equals(top.path(top.field))) {
                            return p.currentTokenLocation();
                        }
                        continue;
                    }
                    if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                        stack.pop();
                        continue;
                    }
                    List<String> path = top == null ? List.of()
                            : top.array ? top.path("[" + top.index++ + "]") : top.path(top.field);
                    if (!key && wanted.equals(path)) {
                        return p.currentTokenLocation();
                    }
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        stack.push(new Frame(path, t == JsonToken.START_ARRAY));
                    }
                }
            } catch (IOException | RuntimeException e) {
                return null; // the tree parse succeeded, so this does not happen; report without a location
            }
            return null;
        }

        /**
         * Refuses a key given twice in one mapping (YAML and JSON parsers keep the last silently), naming both places.
         */
        void checkDuplicateKeys() {
            Deque<Frame> stack = new ArrayDeque<>();
            try (JsonParser p = mapper(yaml).getFactory().createParser(text)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    Frame top = stack.peek();
                    if (t == JsonToken.FIELD_NAME) {
                        top.field = p.currentName();
                        JsonLocation here = p.currentTokenLocation();
                        JsonLocation first = top.keys.putIfAbsent(top.field, here);
                        if (first != null) {
                            String shown = String.join(".", top.path(top.field).stream()
                                    .filter(seg -> !seg.startsWith("[")).toList());
                            throw new ConfigurationException("spec file " + name + ", line " + here.getLineNr()
                                    + ", column " + here.getColumnNr() + ": duplicate key " + Excerpt.quote(shown)
                                    + ", first given at line " + first.getLineNr() + ", column "
                                    + first.getColumnNr() + "; give each key once");
                        }
                        continue;
                    }
                    if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                        stack.pop();
                        continue;
                    }
                    List<String> path = top == null ? List.of()
                            : top.array ? top.path("[" + top.index++ + "]") : top.path(top.field);
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        stack.push(new Frame(path, t == JsonToken.START_ARRAY));
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof ConfigurationException c) {
                    throw c;
                }
                // the tree parse succeeded, so this does not happen; the tree check reports anything else
            }
        }

        /** An open mapping or list while streaming. */
        private static final class Frame {
            final List<String> path;
            final boolean array;
            final Map<String, JsonLocation> keys = new java.util.HashMap<>();
            String field;
            int index;

            Frame(List<String> path, boolean array) {
                this.path = path;
                this.array = array;
            }

            List<String> path(String segment) {
                List<String> s = new ArrayList<>(path);
                s.add(segment);
                return s;
            }
        }

        FlowSpec apply(Ptr top, ObjectNode node, FlowSpec base) {
            root = top;
            checkKeys(top, node, TOP_KEYS);
            FlowSpec spec = base;
            if (node.has("preset")) {
                Ptr at = top.child("preset");
                String preset = text(at, node.get("preset"));
                if (base != null && base.preset() != null && !base.preset().equals(preset)) {
                    throw fail(at, false, "the file names preset '" + preset + "' but the command line names '"
                            + base.preset() + "'; give one");
                }
                if (base == null) {
                    spec = at(at, false, () -> registry.preset(preset).spec());
                }
            }
            Map<PartKind, PartChoice> parts = new LinkedHashMap<>();
            if (node.has("parts")) {
                Ptr at = top.child("parts");
                JsonNode partsNode = node.get("parts");
                if (!partsNode.isObject()) {
                    throw fail(at, false, "'parts' must be a mapping from part kind (space, metric, energy, entropy,"
                            + " noise, scheme) to an id or {id, params}; found " + kindOf(partsNode));
                }
                Iterator<Map.Entry<String, JsonNode>> it = partsNode.properties().iterator();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Ptr kindAt = at.child(e.getKey());
                    PartKind kind;
                    try {
                        kind = PartKind.fromLabel(e.getKey());
                    } catch (ConfigurationException ex) {
                        throw fail(kindAt, true, Excerpt.quote(kindAt.shown(root)) + " is not a part kind"
                                + Names.suggestion(e.getKey(), KINDS));
                    }
                    parts.put(kind, choice(kind, kindAt, e.getValue()));
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
                    throw fail(node.has("parts") ? top.child("parts") : top, node.has("parts"), "the file names no"
                            + " preset, so 'parts' must give all six parts; missing: " + missing);
                }
                if (!node.has("dt") || !(node.has("steps") || node.has("time"))) {
                    throw fail(top, false, "the file names no preset, so it must give 'dt' and one of 'steps' or"
                            + " 'time'");
                }
                Map<PartKind, PartChoice> all = new java.util.EnumMap<>(PartKind.class);
                all.putAll(parts);
                double dt = real(top.child("dt"), node.get("dt"));
                if (!(dt > 0)) {
                    throw fail(top.child("dt"), false, "dt = " + dt + " is not valid; expected a finite real number"
                            + " > 0");
                }
                spec = node.has("steps")
                        ? at(top.child("steps"), false, () -> new FlowSpec(null, all, whole(top.child("steps"),
                                node.get("steps")), null, dt, 0L, 1, null))
                        : at(top.child("time"), false, () -> new FlowSpec(null, all, null, real(top.child("time"),
                                node.get("time")), dt, 0L, 1, null));
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
            if (node.has("steps") && node.has("time")) {
                throw fail(top.child("time"), true, "give one of 'steps' and 'time', not both");
            }
            if (node.has("dt")) {
                Ptr at = top.child("dt");
                FlowSpec before = spec;
                spec = at(at, false, () -> before.withDt(real(at, node.get("dt"))));
            }
            if (node.has("steps")) {
                Ptr at = top.child("steps");
                FlowSpec before = spec;
                spec = at(at, false, () -> before.withSteps(whole(at, node.get("steps"))));
            }
            if (node.has("time")) {
                Ptr at = top.child("time");
                FlowSpec before = spec;
                spec = at(at, false, () -> before.withTime(real(at, node.get("time"))));
            }
            if (node.has("seed")) {
                spec = spec.withSeed(whole(top.child("seed"), node.get("seed")));
            }
            if (node.has("particles")) {
                Ptr at = top.child("particles");
                long n = whole(at, node.get("particles"));
                if (n < 1 || n > Integer.MAX_VALUE) {
                    throw fail(at, false, "particles = " + n + " is not valid; expected a whole number in [1, "
                            + Integer.MAX_VALUE + "]");
                }
                spec = spec.withParticles((int) n);
            }
            if (node.has("every")) {
                Ptr at = top.child("every");
                long k = whole(at, node.get("every"));
                if (k < 1 || k > Integer.MAX_VALUE) {
                    throw fail(at, false, "every = " + k + " is not valid; expected a whole number >= 1");
                }
                spec = spec.withEvery((int) k);
            }
            return spec;
        }

        private PartChoice choice(PartKind kind, Ptr at, JsonNode node) {
            if (node.isTextual()) {
                String id = checkId(at, node.asText());
                factory(kind, at, id);
                return PartChoice.of(id);
            }
            if (!node.isObject()) {
                throw fail(at, false, Excerpt.quote(at.shown(root)) + " must be an id or {id, params}; found "
                        + kindOf(node));
            }
            checkKeys(at, node, PART_KEYS);
            if (!node.has("id")) {
                throw fail(at, true, Excerpt.quote(at.shown(root)) + " has no 'id'");
            }
            Ptr idAt = at.child("id");
            String id = checkId(idAt, text(idAt, node.get("id")));
            PartFactory<?> factory = factory(kind, idAt, id);
            Map<String, Object> params = new LinkedHashMap<>();
            if (node.has("params")) {
                Ptr paramsAt = at.child("params");
                JsonNode p = node.get("params");
                if (!p.isObject()) {
                    throw fail(paramsAt, false, Excerpt.quote(paramsAt.shown(root)) + " must be a mapping from"
                            + " parameter"
                            + " name to value; found " + kindOf(p));
                }
                Iterator<Map.Entry<String, JsonNode>> it = p.properties().iterator();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Ptr valueAt = paramsAt.child(e.getKey());
                    Object value = raw(valueAt, e.getValue(), 0);
                    if (factory != null) {
                        check(factory, valueAt, e.getKey(), value);
                    }
                    params.put(e.getKey(), value);
                }
            }
            return new PartChoice(id, params);
        }

        /** The registered factory for the id, or an error at the id naming the nearest ids; null without registry. */
        private PartFactory<?> factory(PartKind kind, Ptr at, String id) {
            if (registry == null) {
                return null;
            }
            return at(at, false, () -> registry.factory(kind, id));
        }

        /** Checks one given parameter against the part's descriptors: its name at the key, its value at the value. */
        private void check(PartFactory<?> factory, Ptr at, String key, Object value) {
            String owner = factory.kind() + " '" + factory.id() + "'";
            Parameter descriptor = Parameter.find(factory.parameters(), key);
            if (descriptor == null) {
                List<String> names = factory.parameters().stream().map(Parameter::name)
                        .filter(n -> !n.equals(Parameter.OTHERS)).toList();
                throw fail(at, true, owner + " has no parameter '" + key + "'" + (names.isEmpty()
                        ? "; it takes no parameters" : Names.suggestion(key, names)));
            }
            try {
                descriptor.parse(value);
            } catch (IllegalArgumentException e) {
                throw fail(at, false, owner + ": " + e.getMessage());
            }
        }

        private String checkId(Ptr at, String id) {
            if (!id.matches("[a-z0-9][a-z0-9.-]*")) {
                throw fail(at, false, Excerpt.quote(at.shown(root)) + " = " + Excerpt.quote(id) + " is not a part id"
                        + " (ids are"
                        + " lower case words with dashes, as listed by 'varflow list'; class names are not accepted)");
            }
            return id;
        }

        /** A JSON value as a raw parameter value: text, number, boolean, or a list of those (nested once). */
        private Object raw(Ptr at, JsonNode node, int depth) {
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
                int i = 0;
                for (JsonNode item : node) {
                    list.add(raw(at.index(i++), item, depth + 1));
                }
                return list;
            }
            throw fail(at, false, Excerpt.quote(at.shown(root)) + " must be a number, word, boolean or list; found "
                    + kindOf(node));
        }

        private void checkKeys(Ptr at, JsonNode node, Set<String> valid) {
            Iterator<String> it = node.fieldNames();
            while (it.hasNext()) {
                String key = it.next();
                if (!valid.contains(key)) {
                    Ptr keyAt = at.child(key);
                    throw fail(keyAt, true, "unknown key " + Excerpt.quote(keyAt.shown(root))
                            + Names.suggestion(key, valid));
                }
            }
        }

        private String text(Ptr at, JsonNode node) {
            if (!node.isTextual()) {
                throw fail(at, false, Excerpt.quote(at.shown(root)) + " must be a word; found " + kindOf(node));
            }
            return node.asText();
        }

        private double real(Ptr at, JsonNode node) {
            if (node.isNumber() || node.isTextual()) {
                try {
                    double v = node.isNumber() ? node.asDouble()
                            : org.varflow.api.io.Decimal.parse(node.asText());
                    if (Double.isFinite(v)) {
                        return v;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            throw fail(at, false, Excerpt.quote(at.shown(root)) + " must be a finite real number; found "
                    + kindOf(node));
        }

        private long whole(Ptr at, JsonNode node) {
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return node.asLong();
            }
            if (node.isNumber() && node.asDouble() == Math.rint(node.asDouble())
                    && Math.abs(node.asDouble()) < 0x1p53) {
                return (long) node.asDouble();
            }
            throw fail(at, false, Excerpt.quote(at.shown(root)) + " must be a whole number; found " + kindOf(node));
        }
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
        return Excerpt.quote(node.asText());
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
