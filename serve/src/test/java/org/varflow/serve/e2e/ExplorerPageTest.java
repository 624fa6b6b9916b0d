package org.varflow.serve.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.varflow.RunSummary;
import org.varflow.Varflow;
import org.varflow.api.ConfigurationException;
import org.varflow.core.spec.SpecFiles;
import org.varflow.serve.Explorer;
import org.varflow.serve.ServeSettings;
import org.varflow.serve.runs.RunLimits;

/**
 * The explorer in headless Chromium: choose parts, run, see the plots drawn (pixels and the data the page says it
 * drew), change the metric and compare, both levels at once, bad and hostile input, a downloaded spec that repeats the
 * page's numbers, and the playback frame rate of a 10 000-particle Langevin run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplorerPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN = Duration.ofSeconds(90);

    private static Varflow varflow;
    private static Explorer explorer;
    private static Browser browser;
    private static URI base;

    @BeforeAll
    static void start() {
        String mode = System.getProperty("varflow.browser", "auto");
        if (mode.equals("auto") && System.getenv("VARFLOW_BROWSER") != null) {
            mode = System.getenv("VARFLOW_BROWSER"); // .ci/run sets it to 'require'
        }
        assumeThat(mode).as("browser tests skipped (-Dvarflow.browser=skip)").isNotEqualTo("skip");
        String missing = Browser.missing();
        if (missing != null && !mode.equals("require")) {
            // auto: a machine without Chromium skips, saying why; CI (.ci/run) installs it and requires the tests
            assumeThat(missing).as("browser tests skipped: " + missing).isNull();
        }
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
        varflow = Varflow.create();
        explorer = Explorer.start(varflow, new ServeSettings("127.0.0.1", 0, RunLimits.DEFAULTS));
        base = explorer.address();
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (explorer != null) {
            explorer.close();
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void open(String hash) {
        browser.driver.get("about:blank"); // a new page, even when only the fragment differs
        browser.driver.get(base + hash);
        browser.until("return document.body.dataset.ready === 'true'", Duration.ofSeconds(30));
    }

    private static WebElement el(String id) {
        return browser.driver.findElement(By.id(id));
    }

    private static void choose(String id, String value) {
        new Select(el(id)).selectByValue(value);
        settle();
    }

    private static void type(String id, String text) {
        WebElement input = el(id);
        input.clear();
        input.sendKeys(text);
        settle();
    }

    /** Waits until the page has asked the server about the current composition. */
    private static void settle() {
        browser.until("return document.body.dataset.checked !== 'pending'", Duration.ofSeconds(30));
    }

    /** Clicks Run and waits for that run (not the one before) to end; returns its id. */
    private static String run() {
        String before = (String) browser.js("return document.body.dataset.runId || ''");
        el("run").click();
        browser.until("return document.body.dataset.runId !== arguments[0]"
                + " && ['done', 'stopped', 'failed'].includes(document.body.dataset.runStatus)", RUN, before);
        return (String) browser.js("return document.body.dataset.runId");
    }

    private static String attr(String id, String name) {
        return el(id).getAttribute("data-" + name);
    }

    private static long inked(String canvas) {
        return ((Number) browser.js("return Plots.inkedPixels(document.getElementById(arguments[0]))", canvas))
                .longValue();
    }

    private static String diagnostic(String table, String row, int column) {
        return (String) browser.js("const r = document.querySelector('#' + arguments[0] + ' tr[data-row=\"' + "
                + "arguments[1]"
                + " + '\"]'); return r ? r.querySelectorAll('td')[arguments[2]].dataset.value : null;", table, row,
                column);
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    private static JsonNode numbers(String summary) throws Exception {
        ObjectNode n = (ObjectNode) JSON.readTree(summary);
        n.remove("wallSeconds");
        return n;
    }

    /** The largest distance of a 2-D run's path from the line through its start and the minimiser (1, 0.25). */
    private static double offLine(String run) throws Exception {
        JsonNode frames = JSON.readTree(get("/api/runs/" + run + "/trajectory?frames=100")).get("frames");
        double x0 = frames.get(0).get("values").get(0).asDouble();
        double y0 = frames.get(0).get("values").get(1).asDouble();
        double dx = 1 - x0;
        double dy = 0.25 - y0;
        double worst = 0;
        for (JsonNode f : frames) {
            double px = f.get("values").get(0).asDouble() - x0;
            double py = f.get("values").get(1).asDouble() - y0;
            worst = Math.max(worst, Math.abs(px * dy - py * dx) / Math.hypot(dx, dy));
        }
        return worst;
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    @Order(1)
    void choosesPartsRunsAndDrawsParticlesOverTheContours() throws Exception {
        open("");
        choose("preset", "langevin");
        type("param-space-dimension", "2");
        type("param-space-x0", "1.5,1");
        choose("slot-energy", "double-well");
        type("particles", "2000");
        type("length-value", "4");
        assertThat(el("error").isDisplayed()).isFalse();
        assertThat(el("run").isEnabled()).isTrue();
        // the equation: no Poisson part, constant K (no Ito term), noise on
        assertThat(browser.js("return document.querySelector('[data-term=poisson]').classList.contains('off')"))
                .isEqualTo(true);
        assertThat(browser.js("return document.querySelector('[data-term=noise]').classList.contains('off')"))
                .isEqualTo(false);
        assertThat(el("legend").getText()).contains("energy 'double-well'").contains("beta = 1");

        String id = run();
        assertThat(browser.js("return document.body.dataset.runStatus")).isEqualTo("done");
        assertThat(attr("view-run", "kind")).isEqualTo("plane");
        assertThat(Integer.parseInt(attr("view-run", "contours"))).isGreaterThan(100);
        assertThat(Integer.parseInt(attr("view-run", "points"))).isEqualTo(2000);
        assertThat(inked("view-run")).isGreaterThan(20_000);
        assertThat(Integer.parseInt(attr("energy-run", "points"))).isGreaterThan(50);

        // the slider moves the picture back to the start: the particles are all at x0 then
        WebElement slider = el("slider-run");
        browser.js("arguments[0].value = 0; arguments[0].dispatchEvent(new Event('input'))", slider);
        assertThat(Double.parseDouble(attr("view-run", "time"))).isZero();
        assertThat(Integer.parseInt(attr("view-run", "points"))).isEqualTo(2000);
        browser.js("arguments[0].value = arguments[0].max; arguments[0].dispatchEvent(new Event('input'))", slider);
        browser.screenshot("explorer-run.png");

        // the numbers on the page are the server's, which are the library's
        String summary = get("/api/runs/" + id + "/summary");
        JsonNode s = JSON.readTree(summary);
        assertThat(Double.parseDouble(diagnostic("diagnostics-run", "energy at the end", 0)))
                .isEqualTo(s.get("energy").asDouble());
        assertThat(Double.parseDouble(attr("view-run", "time"))).isEqualTo(s.get("time").asDouble());

        // the downloaded spec repeats them
        String href = el("download-yaml").getAttribute("href");
        String yaml = get(URI.create(href).getPath());
        Path file = Files.createTempFile("varflow-page-", ".yaml");
        Files.writeString(file, yaml);
        RunSummary again = varflow.flow(varflow.readSpec(file)).run();
        assertThat(numbers(again.toJson())).isEqualTo(numbers(summary));
        assertThat(again.energy()).isEqualTo(Double.parseDouble(diagnostic("diagnostics-run", "energy at the end", 0)));
        Files.delete(file);

        // and the link holds the composition: opening it gives the same form
        String link = el("share-link").getAttribute("href");
        browser.driver.get("about:blank");
        browser.driver.get(link);
        browser.until("return document.body.dataset.ready === 'true'", Duration.ofSeconds(30));
        assertThat(new Select(el("slot-energy")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("double-well");
        assertThat(el("param-space-dimension").getAttribute("value")).isEqualTo("2");
        assertThat(el("particles").getAttribute("value")).isEqualTo("2000");
    }

    @Test
    @Order(2)
    void densitiesPathsAndPhasePortraitsAreDrawnToo() throws Exception {
        open("");
        choose("preset", "fokker-planck");
        String grid = run();
        assertThat(attr("view-run", "kind")).isEqualTo("density-1d");
        assertThat(attr("view-run", "points")).isEqualTo("200");
        assertThat(inked("view-run")).isGreaterThan(5_000);
        JsonNode backdrop = JSON.readTree(get("/api/runs/" + grid + "/trajectory?frames=2")).get("backdrop");
        assertThat(backdrop.get("gibbs").get("y").size()).isEqualTo(200);
        browser.screenshot("explorer-density.png");

        choose("slot-space", "grid-2d"); // the same flow on a square: a heat map
        type("length-value", "2");
        run();
        assertThat(browser.js("return document.body.dataset.runStatus")).isEqualTo("done");
        assertThat(attr("view-run", "kind")).isEqualTo("density-2d");
        assertThat(attr("view-run", "points")).isEqualTo(String.valueOf(48 * 48));
        assertThat(inked("view-run")).isGreaterThan(50_000);

        choose("preset", "brachistochrone");
        run();
        assertThat(attr("view-run", "kind")).isEqualTo("vector");
        assertThat(inked("view-run")).isGreaterThan(3_000);

        choose("preset", "hamiltonian");
        run();
        assertThat(attr("view-run", "kind")).isEqualTo("plane"); // (q, p) over the level sets of H
        assertThat(Integer.parseInt(attr("view-run", "contours"))).isGreaterThan(100);
    }

    @Test
    @Order(3)
    void onlyPartsThatFitAreOfferedAndBadValuesGetTheClisMessage() {
        open("");
        choose("preset", "langevin");
        boolean eulerOffered = (Boolean) browser.js("return !document.querySelector('#slot-scheme option[value=euler]')"
                + ".disabled");
        assertThat(eulerOffered).as("a deterministic scheme with thermal noise").isFalse();
        String why = (String) browser.js("return document.querySelector('#slot-scheme option[value=euler]').title");
        assertThat(why).contains("is deterministic and cannot integrate");
        assertThat((Boolean) browser.js("return document.querySelector('#slot-metric option[value=wasserstein]')"
                + ".disabled")).isTrue();

        type("param-entropy-beta", "-1");
        assertThat(el("error").isDisplayed()).isTrue();
        String message = el("error").getText();
        // what the reader of spec files says about the same value, without the position in the file
        assertThatThrownBy(() -> SpecFiles.parse("x", "{\"preset\":\"langevin\",\"parts\":{\"entropy\":{\"id\":"
                + "\"boltzmann\",\"params\":{\"beta\":-1}}}}", false, varflow.registry(), null))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(message).isEqualTo(e.getMessage().replaceFirst(
                        "^spec file x, line \\d+, column \\d+: ", "")));
        assertThat(message).isEqualTo("entropy 'boltzmann': parameter 'beta' = -1 is not valid; expected a real"
                + " number > 0");
        assertThat(el("param-entropy-beta").getAttribute("class")).contains("invalid");
        assertThat(el("run").isEnabled()).isFalse();
        browser.screenshot("explorer-error.png");
        type("param-entropy-beta", "2");
        assertThat(el("error").isDisplayed()).isFalse();
        assertThat(el("run").isEnabled()).isTrue();
    }

    @Test
    @Order(4)
    void swappingTheMetricFlowsTheSameEnergyDifferentlySideBySide() throws Exception {
        open("");
        choose("preset", "gradient-descent");
        String first = run();
        String colourA = attr("view-run", "colour");
        assertThat(attr("view-run", "kind")).isEqualTo("plane");
        assertThat(Integer.parseInt(attr("view-run", "points"))).isGreaterThan(10); // the path so far

        el("tab-compare").click();
        new Select(el("compare-what")).selectByValue("part:metric");
        new Select(el("compare-id")).selectByValue("diagonal");
        WebElement k = el("compare-param-k");
        k.clear();
        k.sendKeys("1,0.25"); // K = A^-1 for A = diag(1, 4): Newton's direction, straight to the minimum
        el("compare-run").click();
        browser.until("return ['done', 'failed'].includes(document.body.dataset.compareStatus)", RUN);
        assertThat(browser.js("return document.body.dataset.compareStatus")).isEqualTo("done");
        String[] runs = ((String) browser.js("return document.body.dataset.compareRuns")).split(",");
        assertThat(inked("view-a")).isGreaterThan(5_000);
        assertThat(inked("view-b")).isGreaterThan(5_000);
        assertThat(attr("energy-compare", "series")).isEqualTo("2");
        // the same method keeps its colour everywhere; the other gets another
        assertThat(attr("view-a", "colour")).isEqualTo(colourA);
        assertThat(attr("view-b", "colour")).isNotEqualTo(colourA);
        // the same energy, two metrics, two different end points (the library's numbers)
        JsonNode a = JSON.readTree(get("/api/runs/" + runs[0] + "/summary"));
        JsonNode b = JSON.readTree(get("/api/runs/" + runs[1] + "/summary"));
        assertThat(a.at("/parts/energy")).isEqualTo(b.at("/parts/energy"));
        assertThat(a.at("/parts/metric/id").asText()).isEqualTo("euclidean");
        assertThat(b.at("/parts/metric/id").asText()).isEqualTo("diagonal");
        assertThat(b.at("/parts/metric/params/k").toString()).isEqualTo("[1.0,0.25]");
        // K = A^-1 makes the path the straight segment from x0 to the minimiser (1, 0.25); K = I bends it
        assertThat(offLine(runs[1])).isLessThan(1e-5); // frames carry single precision
        assertThat(offLine(runs[0])).isGreaterThan(0.1);
        assertThat(Double.parseDouble(diagnostic("diagnostics-compare", "energy at the end", 0)))
                .isEqualTo(a.get("energy").asDouble());
        assertThat(Double.parseDouble(diagnostic("diagnostics-compare", "energy at the end", 1)))
                .isEqualTo(b.get("energy").asDouble());
        assertThat(numbers(get("/api/runs/" + runs[0] + "/summary"))).isEqualTo(numbers(get("/api/runs/" + first
                + "/summary")));
        browser.js("const s = document.getElementById('slider-compare'); s.value = Math.floor(s.max / 3);"
                + " s.dispatchEvent(new Event('input'))");
        browser.screenshot("explorer-compare.png");
        el("tab-run").click();
    }

    @Test
    @Order(5)
    void bothLevelsOnOnePlotWithW2BetweenThem() throws Exception {
        open("");
        el("tab-levels").click();
        browser.until("return document.getElementById('levels-energy').options.length > 0", Duration.ofSeconds(30));
        new Select(el("levels-energy")).selectByValue("double-well");
        WebElement time = el("levels-time");
        time.clear();
        time.sendKeys("8");
        el("levels-run").click();
        browser.until("return ['done', 'failed'].includes(document.body.dataset.levelsStatus)", RUN);
        assertThat(browser.js("return document.body.dataset.levelsStatus")).isEqualTo("done");
        assertThat(inked("view-levels")).isGreaterThan(10_000);
        assertThat(attr("view-levels", "kind")).isEqualTo("levels");
        assertThat(attr("view-levels", "cells")).isEqualTo("200");
        assertThat(attr("view-levels", "points")).isEqualTo("2000");
        String[] runs = ((String) browser.js("return document.body.dataset.levelsRuns")).split(",");
        JsonNode distance = JSON.readTree(get("/api/levels/distance?samples=" + runs[0] + "&law=" + runs[1]));
        assertThat(JSON.readTree(attr("w2-levels", "w2"))).isEqualTo(distance.get("w2"));
        // and each level's W2 to the Gibbs law where its observer reports one (the grid's reports none for the
        // double well: its w2-to-gibbs values are null, and a history of nulls is left out)
        int reported = 0;
        for (String run : runs) {
            JsonNode values = JSON.readTree(get("/api/runs/" + run + "/summary")).at("/observers/w2-to-gibbs/values");
            boolean any = false;
            for (JsonNode v : values) {
                any |= v.isNumber();
            }
            reported += any ? 1 : 0;
        }
        assertThat(reported).isPositive();
        assertThat(attr("w2-levels", "series")).isEqualTo(String.valueOf(1 + reported));
        assertThat(distance.get("w2").size()).isGreaterThan(20);
        for (JsonNode v : distance.get("w2")) {
            assertThat(v.asDouble()).isBetween(0.0, 0.15);
        }
        browser.js("const s = document.getElementById('slider-levels'); s.value = Math.floor(s.max / 4);"
                + " s.dispatchEvent(new Event('input'))");
        browser.screenshot("explorer-levels.png");
        el("tab-run").click();
    }

    @Test
    @Order(6)
    void nothingAUserTypesReachesThePageUnescaped() {
        String hostile = "<img src=x onerror=\"window.__xss=1\">";
        String spec = "{\"preset\":\"langevin\",\"parts\":{\"energy\":{\"id\":\"" + hostile.replace("\"", "\\\"")
                + "\"}}}";
        open("#spec=" + URLEncoder.encode(spec, StandardCharsets.UTF_8).replace("+", "%20"));
        assertThat(el("error").getText()).contains("'" + hostile + "' is not a part id");
        assertThat(browser.js("return window.__xss === undefined && document.querySelectorAll('img').length === 0"))
                .isEqualTo(true);

        choose("preset", "langevin");
        type("param-space-x0", "\"><script>window.__xss=2</script><img src=y onerror=window.__xss=3>");
        assertThat(el("error").getText()).contains("<script>window.__xss=2</script>");
        assertThat(browser.js("return window.__xss === undefined && document.querySelectorAll('img, script:not([src])')"
                + ".length === 0")).isEqualTo(true);
    }

    @Test
    @Order(7)
    void stopKeepsWhatWasComputedAndThePageStaysResponsive() {
        open("");
        choose("preset", "langevin");
        type("particles", "20000");
        type("length-value", "400");
        type("frames", "2000");
        el("run").click();
        browser.until("return document.body.dataset.runStatus === 'running' && document.getElementById('stop')"
                + ".disabled === false", Duration.ofSeconds(30));
        // while it runs, the page keeps painting: gaps between animation frames over two seconds
        @SuppressWarnings("unchecked")
        java.util.List<Number> gaps = (java.util.List<Number>) ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1]; const gaps = [];"
                        + " let last = performance.now(); const t0 = last;"
                        + " function f(now) { gaps.push(now - last); last = now;"
                        + " if (now - t0 < 2000) requestAnimationFrame(f); else done(gaps); } "
                        + "requestAnimationFrame(f);");
        double[] sorted = gaps.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        double p95 = sorted[(int) Math.floor(0.95 * (sorted.length - 1))];
        double worst = sorted[sorted.length - 1];
        System.out.printf(Locale.ROOT, "frame gaps while a 20000-particle run goes on: %d frames in 2 s, p95 %.1f ms,"
                + " longest %.1f ms%n", sorted.length, p95, worst);
        assertThat(el("status").getText()).contains("running");
        assertThat(sorted.length).as("frames painted in 2 s").isGreaterThan(40);
        assertThat(p95).as("95th percentile of frame gaps, ms").isLessThan(100);
        assertThat(worst).as("longest frame gap, ms").isLessThan(500);
        el("stop").click();
        browser.until("return document.body.dataset.runStatus === 'stopped'", RUN);
        assertThat(el("status").getText()).contains("stopped on request");
        assertThat(diagnostic("diagnostics-run", "energy at the end", 0)).isNotNull();
    }

    @Test
    @Order(8)
    void tenThousandLangevinParticlesPlayBackAtLeastTwentyFramesASecond() throws Exception {
        open("");
        choose("preset", "langevin");
        type("param-space-dimension", "2");
        type("param-space-x0", "1.5,1");
        choose("slot-energy", "double-well");
        type("particles", "10000");
        type("length-value", "5");
        type("frames", "250");
        run();
        assertThat(attr("view-run", "points")).isEqualTo("10000");
        browser.js("document.body.dataset.playbackSpeed = '0'"); // one frame per screen refresh: as fast as it draws
        el("play-run").click();
        browser.until("return document.getElementById('play-run').textContent.includes('play')", RUN);
        @SuppressWarnings("unchecked")
        Map<String, Object> stats = (Map<String, Object>) browser.js("return {fps: varflowPlayback.fps, draws:"
                + " varflowPlayback.draws, drawMs: varflowPlayback.drawMs}");
        double fps = ((Number) stats.get("fps")).doubleValue();
        double draws = ((Number) stats.get("draws")).doubleValue();
        double meanDraw = ((Number) stats.get("drawMs")).doubleValue() / draws;
        String line = String.format(Locale.ROOT, "playback of 10000 particles: %.1f frames/s over %d frames, %.2f ms"
                + " per frame drawn", fps, (long) draws, meanDraw);
        System.out.println(line);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "explorer-playback.txt"), line + System.lineSeparator());
        assertThat(draws).isGreaterThanOrEqualTo(100); // the page asks for 150 frames of a cloud
        assertThat(fps).isGreaterThanOrEqualTo(20);
    }
}
