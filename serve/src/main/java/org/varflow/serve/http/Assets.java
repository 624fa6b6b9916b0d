package org.varflow.serve.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.webjars.WebJarVersionLocator;

/**
 * What the page is made of, read once from the jar: the page itself, its script and style, and uPlot from its WebJar
 * (found by the WebJar locator, whatever its version). Nothing comes from the network.
 *
 * @param byPath each file by the path it is served at
 */
record Assets(Map<String, Asset> byPath) {
    /** One served file: its content type and bytes. */
    record Asset(String type, byte[] content) {
    }

    private static final String WEB = "/org/varflow/serve/web/";

    static Assets load() {
        Map<String, Asset> m = new LinkedHashMap<>();
        m.put("/", new Asset("text/html; charset=utf-8", read(WEB + "index.html")));
        m.put("/assets/explorer.js", new Asset("text/javascript; charset=utf-8", read(WEB + "explorer.js")));
        m.put("/assets/plots.js", new Asset("text/javascript; charset=utf-8", read(WEB + "plots.js")));
        m.put("/assets/explorer.css", new Asset("text/css; charset=utf-8", read(WEB + "explorer.css")));
        WebJarVersionLocator webjars = new WebJarVersionLocator();
        m.put("/vendor/uplot.js", new Asset("text/javascript; charset=utf-8",
                read("/" + webjar(webjars, "uplot", "dist/uPlot.iife.min.js"))));
        m.put("/vendor/uplot.css", new Asset("text/css; charset=utf-8",
                read("/" + webjar(webjars, "uplot", "dist/uPlot.min.css"))));
        return new Assets(Map.copyOf(m));
    }

    private static String webjar(WebJarVersionLocator webjars, String name, String file) {
        String path = webjars.fullPath(name, file);
        if (path == null) {
            throw new IllegalStateException("the " + name + " WebJar is not on the classpath (" + file + ")");
        }
        return path;
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " in the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
