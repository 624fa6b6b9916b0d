package org.varflow.serve.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.varflow.Varflow;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.core.explain.Explanations;
import org.varflow.core.spec.SpecFiles;
import org.varflow.core.spec.SpecYaml;
import org.varflow.serve.catalog.Catalog;
import org.varflow.serve.catalog.Compatibility;
import org.varflow.serve.catalog.Decomposition;
import org.varflow.serve.levels.LevelsDistance;
import org.varflow.serve.levels.LevelsPair;
import org.varflow.serve.runs.ExplorerRun;
import org.varflow.serve.runs.RunManager;

/**
 * The JSON API's handlers (documented in docs/explorer.md). Specs are read with the same reader as spec files, so a
 * mistake gets the message {@code varflow run --spec} prints; errors are JSON {@code {error, status}}.
 */
final class Api {
    /** The frames a trajectory returns unless asked otherwise. */
    static final int DEFAULT_FRAMES = 120;

    private final Varflow varflow;
    private final Catalog catalog;
    private final Compatibility compatibility;
    private final Explanations explanations;
    private final RunManager runs;

    Api(Varflow varflow, RunManager runs) {
        this.varflow = varflow;
        this.catalog = new Catalog(varflow.registry());
        this.compatibility = new Compatibility(varflow);
        this.explanations = new Explanations(varflow.registry());
        this.runs = runs;
    }

    void index(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("varflow", Varflow.VERSION);
        m.put("documentation", "docs/explorer.md");
        m.put("endpoints", List.of(
                "GET /api/presets", "GET /api/parts", "GET /api/explain/{id}[?kind=KIND]", "GET /api/limits",
                "POST /api/compatibility (spec)", "POST /api/runs (spec)", "GET /api/runs", "GET /api/runs/{id}",
                "GET /api/runs/{id}/summary", "GET /api/runs/{id}/trajectory[?frames=N&points=M]",
                "GET /api/runs/{id}/events (server-sent events)", "GET /api/runs/{id}/spec.yaml",
                "GET /api/runs/{id}/spec.json", "DELETE /api/runs/{id}", "POST /api/levels",
                "GET /api/levels/distance?samples=ID&law=ID"));
        Json.send(ctx, 200, m);
    }

    void presets(Context ctx) {
        Json.send(ctx, 200, catalog.presets());
    }

    void parts(Context ctx) {
        Json.send(ctx, 200, catalog.parts());
    }

    void limits(Context ctx) {
        Json.send(ctx, 200, runs.limits());
    }

    void explain(Context ctx) {
        String id = ctx.pathParam("id");
        String kind = ctx.queryParam("kind");
        String text = explanations.explain(id, kind == null || kind.isBlank() ? null : PartKind.fromLabel(kind));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("kind", kind);
        m.put("text", text);
        Json.send(ctx, 200, m);
    }

    /** The verdict on a composition: which parts fit each slot, its decomposition and explicit spec if it assembles. */
    void compatibility(Context ctx) {
        FlowSpec spec = readSpec(ctx);
        Compatibility.Result result = compatibility.check(spec);
        Map<String, Object> m = new LinkedHashMap<>(result.toMap());
        if (result.error() == null) {
            var assembled = varflow.assemble(spec);
            m.put("decomposition", Decomposition.of(assembled));
            m.put("spec", Varflow.explicitSpec(assembled));
        } else {
            m.put("decomposition", null);
            m.put("spec", catalog.explicit(spec));
        }
        Json.send(ctx, 200, m);
    }

    void submit(Context ctx) {
        ExplorerRun run = runs.submit(readSpec(ctx));
        ctx.header("Location", "/api/runs/" + run.id());
        Json.send(ctx, 201, run.statusMap(true));
    }

    void list(Context ctx) {
        Json.send(ctx, 200, runs.all().stream().map(r -> r.statusMap(false)).toList());
    }

    void status(Context ctx) {
        Json.send(ctx, 200, run(ctx).statusMap(true));
    }

    /** Exactly what {@code varflow run} prints, once the run has a summary; 409 before. */
    void summary(Context ctx) {
        ExplorerRun run = run(ctx);
        var summary = run.summary();
        if (summary == null) {
            Json.error(ctx, 409, "run " + run.id() + " is " + run.status().label() + "; it has no summary"
                    + (run.status().ended() ? "" : " yet"));
            return;
        }
        ctx.status(200).contentType(Json.TYPE).result(summary.toJson());
    }

    void trajectory(Context ctx) {
        int frames = intParam(ctx, "frames", DEFAULT_FRAMES, 1, 100_000);
        int points = intParam(ctx, "points", runs.limits().framePoints(), 1, runs.limits().framePoints());
        Json.send(ctx, 200, run(ctx).trajectory(frames, points));
    }

    void stop(Context ctx) {
        Json.send(ctx, 200, runs.stop(ctx.pathParam("id")).statusMap(false));
    }

    /** The run's spec as a file that {@code varflow run --spec} repeats. */
    void specFile(Context ctx, boolean yaml) {
        ExplorerRun run = run(ctx);
        String name = "varflow-" + run.id() + (yaml ? ".yaml" : ".json");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        if (yaml) {
            String text = "# varflow spec from varflow serve (run " + run.id() + ", varflow " + Varflow.VERSION
                    + "), every parameter explicit.\n# Repeat it with: varflow run --spec " + name + "\n"
                    + SpecYaml.write(run.spec());
            ctx.status(200).contentType("application/yaml; charset=utf-8").result(text);
        } else {
            ctx.status(200).contentType(Json.TYPE).result(Json.write(run.spec()));
        }
    }

    /** Starts the particle and the density run of one flow; returns both. */
    void levels(Context ctx) {
        LevelsPair pair = readLevels(ctx);
        ExplorerRun samples = runs.submit(pair.samples(varflow.registry()));
        ExplorerRun law;
        try {
            law = runs.submit(pair.law(varflow.registry()));
        } catch (RuntimeException e) {
            runs.stop(samples.id());
            throw e;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", samples.statusMap(true));
        m.put("law", law.statusMap(true));
        m.put("distance", "/api/levels/distance?samples=" + samples.id() + "&law=" + law.id());
        Json.send(ctx, 201, m);
    }

    void levelsDistance(Context ctx) {
        String samples = ctx.queryParam("samples");
        String law = ctx.queryParam("law");
        if (samples == null || law == null) {
            throw new ConfigurationException("give both runs: /api/levels/distance?samples=ID&law=ID");
        }
        Json.send(ctx, 200, LevelsDistance.between(runs.get(samples), runs.get(law)));
    }

    private ExplorerRun run(Context ctx) {
        return runs.get(ctx.pathParam("id"));
    }

    /** The request body as a spec (YAML when the content type says so, JSON otherwise), read like a spec file. */
    private FlowSpec readSpec(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        boolean yaml = type.contains("yaml");
        String text = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        return SpecFiles.parse("(request body)", text, yaml, varflow.registry(), null);
    }

    private LevelsPair readLevels(Context ctx) {
        Map<?, ?> body;
        try {
            body = Json.MAPPER.readValue(ctx.bodyAsBytes(), Map.class);
        } catch (java.io.IOException e) {
            throw new ConfigurationException("levels: the request body is not a JSON object: " + firstLine(e));
        }
        PartChoice energy = choice(body.get("energy"), "energy", "quadratic");
        PartChoice entropy = choice(body.get("entropy"), "entropy", "boltzmann");
        Map<String, Object> law = new LinkedHashMap<>();
        if (body.get("law") instanceof Map<?, ?> l) {
            l.forEach((k, v) -> law.put(String.valueOf(k), v));
        }
        return new LevelsPair(energy, entropy, law, number(body, "particles", 2000), number(body, "seed", 1),
                real(body, "time", 6), (int) number(body, "frames", 60));
    }

    private static PartChoice choice(Object raw, String what, String fallback) {
        if (raw == null) {
            return PartChoice.of(fallback);
        }
        if (raw instanceof String id) {
            return PartChoice.of(id);
        }
        if (raw instanceof Map<?, ?> m && m.get("id") instanceof String id) {
            Map<String, Object> params = new LinkedHashMap<>();
            if (m.get("params") instanceof Map<?, ?> p) {
                p.forEach((k, v) -> params.put(String.valueOf(k), v));
            }
            return new PartChoice(id, params);
        }
        throw new ConfigurationException("levels: '" + what + "' must be an id or {id, params}");
    }

    private static long number(Map<?, ?> body, String key, long fallback) {
        Object v = body.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new ConfigurationException("levels: '" + key + "' = " + v + " is not valid; expected a whole number");
    }

    private static double real(Map<?, ?> body, String key, double fallback) {
        Object v = body.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new ConfigurationException("levels: '" + key + "' = " + v + " is not valid; expected a number");
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v >= min) {
                return Math.min(v, max);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException("query parameter " + name + " = '" + raw + "' is not valid; expected a whole"
                + " number >= " + min);
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
