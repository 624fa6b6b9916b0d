package org.varflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * varflow's colours, read from the resource {@code org/varflow/palette.json} (the one place they are kept, so the
 * command's plots, comparisons and reports and any other front end, e.g. a browser, colour a method alike): preset
 * and part ids to colours, colours for roles (closed forms, targets, starting states), a light-to-dark sequence for
 * snapshots, and fallbacks for ids not listed, chosen by a stable hash of the id. Colours are {@code #rrggbb}.
 */
public final class Palette {
    /** The resource the palette is read from. */
    public static final String RESOURCE = "/org/varflow/palette.json";
    private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Palette STANDARD = read();

    private final Map<String, String> methods;
    private final Map<String, String> roles;
    private final List<String> sequential;
    private final List<String> fallback;

    private Palette(Map<String, String> methods, Map<String, String> roles, List<String> sequential,
                    List<String> fallback) {
        this.methods = Collections.unmodifiableMap(methods);
        this.roles = Collections.unmodifiableMap(roles);
        this.sequential = List.copyOf(sequential);
        this.fallback = List.copyOf(fallback);
    }

    /** The palette shipped in {@value #RESOURCE}. */
    public static Palette standard() {
        return STANDARD;
    }

    /** The colour of a method (a preset or part id): its own if listed, else a fallback fixed by the id. */
    public String colour(String id) {
        String c = methods.get(id);
        return c != null ? c : fallback.get(Math.floorMod(id.hashCode(), fallback.size()));
    }

    /** Whether {@code id} has a colour of its own. */
    public boolean lists(String id) {
        return methods.containsKey(id);
    }

    /** The colour of a role: {@code reference}, {@code target}, {@code initial}, {@code levels}, {@code particles}. */
    public String role(String role) {
        String c = roles.get(role);
        if (c == null) {
            throw new IllegalArgumentException("no role '" + role + "' in the palette; roles: " + roles.keySet());
        }
        return c;
    }

    /** Light to dark, for snapshots in time or a swept parameter. */
    public List<String> sequential() {
        return sequential;
    }

    /** The colours unlisted ids take, in order. */
    public List<String> fallback() {
        return fallback;
    }

    /** Every listed id and its colour. */
    public Map<String, String> methods() {
        return methods;
    }

    private static Palette read() {
        try (InputStream in = Palette.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the palette resource " + RESOURCE + " is missing from the jar");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            return new Palette(map(root, "methods"), map(root, "roles"), list(root, "sequential"),
                    list(root, "fallback"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> map(JsonNode root, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        root.path(key).properties().forEach(e -> out.put(e.getKey(), colour(key + "." + e.getKey(),
                e.getValue().asText())));
        return out;
    }

    private static List<String> list(JsonNode root, String key) {
        List<String> out = new ArrayList<>();
        root.path(key).forEach(v -> out.add(colour(key, v.asText())));
        if (out.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": '" + key + "' is empty");
        }
        return out;
    }

    private static String colour(String where, String value) {
        if (!HEX.matcher(value).matches()) {
            throw new IllegalStateException(RESOURCE + ": " + where + " = '" + value + "' is not #rrggbb");
        }
        return value.toUpperCase(java.util.Locale.ROOT);
    }
}
