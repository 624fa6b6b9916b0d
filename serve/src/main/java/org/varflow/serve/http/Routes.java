package org.varflow.serve.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.varflow.Varflow;
import org.varflow.api.ConfigurationException;
import org.varflow.serve.runs.RunManager;
import org.varflow.serve.runs.TooBusyException;
import org.varflow.serve.runs.UnknownRunException;

/**
 * Everything the server answers, registered on a Javalin configuration: the page and its assets, the JSON API, the
 * event stream, the error mapping (400 with the CLI's message for a bad spec, 404 for an unknown run, 413 for a body
 * over the limit, 429 when the workers and the queue are full) and headers that keep the page to its own files.
 */
public final class Routes {
    /** The page runs only its own scripts, loads only its own files, and is framed by no one. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
            + " form-action 'self'";

    private Routes() {
    }

    /** Registers the page and the API for {@code varflow} with runs handled by {@code runs}. */
    public static void register(JavalinConfig config, Varflow varflow, RunManager runs) {
        Assets assets = Assets.load();
        Api api = new Api(varflow, runs);
        EventStream events = new EventStream(runs);
        config.http.maxRequestSize = runs.limits().maxBodyBytes();
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        var r = config.routes;
        r.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            ctx.header("Cache-Control", "no-store");
        });
        assets.byPath().forEach((path, asset) -> r.get(path, ctx -> ctx.contentType(asset.type())
                .result(asset.content())));
        r.get("/api", api::index);
        r.get("/api/presets", api::presets);
        r.get("/api/parts", api::parts);
        r.get("/api/limits", api::limits);
        r.get("/api/explain/{id}", api::explain);
        r.post("/api/compatibility", api::compatibility);
        r.post("/api/runs", api::submit);
        r.get("/api/runs", api::list);
        r.get("/api/runs/{id}", api::status);
        r.delete("/api/runs/{id}", api::stop);
        r.get("/api/runs/{id}/summary", api::summary);
        r.get("/api/runs/{id}/trajectory", api::trajectory);
        r.get("/api/runs/{id}/spec.yaml", ctx -> api.specFile(ctx, true));
        r.get("/api/runs/{id}/spec.json", ctx -> api.specFile(ctx, false));
        r.sse("/api/runs/{id}/events", events::stream);
        r.post("/api/levels", api::levels);
        r.get("/api/levels/distance", api::levelsDistance);

        r.exception(ConfigurationException.class, (e, ctx) -> Json.error(ctx, 400, e.getMessage()));
        r.exception(UnknownRunException.class, (e, ctx) -> Json.error(ctx, 404, e.getMessage()));
        r.exception(TooBusyException.class, (e, ctx) -> {
            ctx.header("Retry-After", "5");
            Json.error(ctx, 429, e.getMessage());
        });
        r.exception(HttpResponseException.class, (e, ctx) -> Json.error(ctx, e.getStatus(), httpMessage(e, runs)));
        r.exception(Exception.class, (e, ctx) -> Json.error(ctx, 500, "internal error: " + e));
        r.error(404, "*", ctx -> notFound(ctx));
    }

    private static String httpMessage(HttpResponseException e, RunManager runs) {
        if (e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
            return "the request body is larger than this server accepts (" + runs.limits().maxBodyBytes()
                    + " bytes, varflow serve --max-body); a spec is a few hundred bytes";
        }
        return e.getMessage();
    }

    private static void notFound(Context ctx) {
        String answered = ctx.result();
        if (ctx.path().startsWith("/api") && (answered == null || answered.isEmpty())) {
            Json.error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path() + "; GET /api lists them");
        }
    }
}
