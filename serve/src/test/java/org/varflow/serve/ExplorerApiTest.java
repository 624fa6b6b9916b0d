package org.varflow.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.varflow.RunSummary;
import org.varflow.Varflow;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.NumericalException;
import org.varflow.core.explain.Explanations;
import org.varflow.core.spec.SpecFiles;
import org.varflow.serve.runs.RunLimits;

/** The JSON API against a server on a free port: what it answers, and that its numbers are the library's. */
class ExplorerApiTest {
    private static Varflow varflow;
    private static Explorer explorer;
    private static Http http;

    @BeforeAll
    static void start() {
        varflow = Varflow.create();
        explorer = Explorer.start(varflow, new ServeSettings("127.0.0.1", 0, RunLimits.DEFAULTS));
        http = new Http(explorer.address());
    }

    @AfterAll
    static void stop() {
        explorer.close();
    }

    /** A summary without its wall time: the rest must be identical between two runs of the same spec. */
    static JsonNode numbers(String summaryJson) throws Exception {
        ObjectNode n = (ObjectNode) Http.JSON.readTree(summaryJson);
        n.remove("wallSeconds");
        return n;
    }

    private static FlowSpec parse(String json) {
        return SpecFiles.parse("test", json, false, varflow.registry(), null);
    }

    @Test
    void listsPresetsWithExplicitSpecsAndPartsWithTheirParameters() {
        Http.Answer presets = http.get("/api/presets");
        assertThat(presets.status()).isEqualTo(200);
        assertThat(presets.type()).startsWith("application/json");
        JsonNode langevin = null;
        for (JsonNode p : presets.json()) {
            if (p.get("id").asText().equals("langevin")) {
                langevin = p;
            }
        }
        assertThat(langevin).isNotNull();
        assertThat(langevin.at("/spec/parts/entropy/params/beta").asDouble()).isEqualTo(1.0);
        assertThat(langevin.at("/spec/parts/space/params/dimension").asInt()).isEqualTo(1);

        JsonNode parts = http.get("/api/parts").json();
        assertThat(parts.get("kinds")).hasSize(6);
        JsonNode boltzmann = find(parts.at("/parts/entropy"), "boltzmann");
        JsonNode beta = boltzmann.get("parameters").get(0);
        assertThat(beta.get("name").asText()).isEqualTo("beta");
        assertThat(beta.get("type").asText()).isEqualTo("real");
        assertThat(beta.get("min").asDouble()).isZero();
        assertThat(beta.get("minExclusive").asBoolean()).isTrue();
        assertThat(beta.get("valid").asText()).isEqualTo("a real number > 0");
        assertThat(find(parts.at("/parts/scheme"), "euler-maruyama").get("stochastic").asBoolean()).isTrue();
        assertThat(find(parts.at("/parts/scheme"), "euler").get("stochastic").asBoolean()).isFalse();
        assertThat(find(parts.at("/parts/metric"), "wasserstein").get("spaces").toString()).contains("ensemble");
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no " + id + " in " + list);
    }

    @Test
    void explainsWhatTheCommandExplains() {
        JsonNode e = http.get("/api/explain/langevin").json();
        assertThat(e.get("text").asText()).isEqualTo(new Explanations(varflow.registry()).explain("langevin", null));
        assertThat(e.get("text").asText()).contains("the unifying equation");
        JsonNode metric = http.get("/api/explain/euclidean?kind=metric").json();
        assertThat(metric.get("text").asText()).startsWith("metric 'euclidean'");
        Http.Answer unknown = http.get("/api/explain/langevn");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").asText()).contains("did you mean 'langevin'");
    }

    @Test
    void compatibilityUsesTheAssemblersRules() {
        JsonNode v = http.post("/api/compatibility", "{\"preset\":\"langevin\"}").json();
        assertThat(v.get("error").isNull()).isTrue();
        JsonNode euler = find(v.at("/slots/scheme"), "euler");
        assertThat(euler.get("fits").asBoolean()).isFalse();
        assertThat(euler.get("reason").asText()).contains("is deterministic and cannot integrate");
        assertThat(find(v.at("/slots/scheme"), "mala").get("fits").asBoolean()).isTrue();
        JsonNode none = find(v.at("/slots/entropy"), "none");
        assertThat(none.get("fits").asBoolean()).isFalse();
        assertThat(none.get("reason").asText()).contains("takes its temperature from the entropy part");
        assertThat(find(v.at("/slots/metric"), "wasserstein").get("fits").asBoolean()).isFalse();
        assertThat(v.at("/decomposition/terms/noise").asBoolean()).isTrue();
        assertThat(v.at("/decomposition/terms/poisson").asBoolean()).isFalse();
        assertThat(v.at("/decomposition/beta/beta").asDouble()).isEqualTo(1.0);

        JsonNode hamiltonian = http.post("/api/compatibility", "{\"preset\":\"underdamped-langevin\"}").json();
        assertThat(hamiltonian.at("/decomposition/terms/poisson").asBoolean()).isTrue();
        assertThat(hamiltonian.at("/decomposition/J/present").asBoolean()).isTrue();
    }

    @Test
    void aRunReportsTheSameSummaryAsTheLibraryAndItsFramesEndThere() throws Exception {
        String spec = "{\"preset\":\"langevin\",\"particles\":2000,\"time\":2,\"seed\":5,\"every\":10}";
        Http.Answer created = http.post("/api/runs", spec);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        JsonNode end = http.awaitEnd(id, 60);
        assertThat(end.get("status").asText()).isEqualTo("done");
        assertThat(end.get("progress").asDouble()).isEqualTo(1.0);

        String apiSummary = http.get("/api/runs/" + id + "/summary").body();
        RunSummary direct = varflow.flow(parse(spec)).threads(1).run();
        assertThat(numbers(apiSummary)).isEqualTo(numbers(direct.toJson()));
        assertThat(end.get("summary").get("energy").asDouble()).isEqualTo(direct.energy());

        JsonNode t = http.get("/api/runs/" + id + "/trajectory?frames=7&points=500").json();
        assertThat(t.at("/view/kind").asText()).isEqualTo("line");
        JsonNode frames = t.get("frames");
        assertThat(frames.size()).isEqualTo(7);
        assertThat(frames.get(0).get("step").asLong()).isZero();
        assertThat(frames.get(6).get("step").asLong()).isEqualTo(direct.steps());
        assertThat(frames.get(6).get("values").size()).isEqualTo(500);
        JsonNode energies = t.at("/series/energy");
        assertThat(energies.size()).isEqualTo(21); // steps 0, 10, ..., 200
        assertThat(energies.get(energies.size() - 1).asDouble()).isEqualTo(direct.energy());
        assertThat(energies.get(0).asDouble()).isEqualTo(direct.energyInitial());
        JsonNode gibbs = t.at("/backdrop/gibbs");
        assertThat(gibbs.isObject()).isTrue();
        assertThat(t.at("/backdrop/temperature").asDouble()).isEqualTo(1.0);
    }

    @Test
    void theSpecFileOfARunRepeatsIt() throws Exception {
        String spec = "{\"preset\":\"gradient-descent\",\"parts\":{\"energy\":{\"id\":\"rosenbrock\"},"
                + "\"scheme\":\"dormand-prince\"},\"steps\":40,\"dt\":0.05}";
        String id = http.post("/api/runs", spec).json().get("id").asText();
        assertThat(http.awaitEnd(id, 60).get("status").asText()).isEqualTo("done");
        Http.Answer yaml = http.get("/api/runs/" + id + "/spec.yaml");
        assertThat(yaml.type()).startsWith("application/yaml");
        FlowSpec again = SpecFiles.parse("spec.yaml", yaml.body(), true, varflow.registry(), null);
        RunSummary repeated = varflow.flow(again).run();
        assertThat(numbers(repeated.toJson())).isEqualTo(numbers(http.get("/api/runs/" + id + "/summary").body()));
        FlowSpec json = SpecFiles.parse("spec.json", http.get("/api/runs/" + id + "/spec.json").body(), false,
                varflow.registry(), null);
        assertThat(json).isEqualTo(again);
    }

    @Test
    void aBadSpecGetsTheClisMessage() {
        String spec = "{\"preset\":\"langevin\",\"parts\":{\"entropy\":\"none\"}}";
        Http.Answer a = http.post("/api/runs", spec);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.type()).startsWith("application/json");
        assertThatThrownBy(() -> varflow.assemble(parse(spec))).isInstanceOf(ConfigurationException.class)
                .hasMessage(a.json().get("error").asText());

        Http.Answer range = http.post("/api/runs", "{\"preset\":\"langevin\",\"parts\":{\"entropy\":{\"id\":"
                + "\"boltzmann\",\"params\":{\"beta\":-1}}}}");
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.json().get("error").asText()).contains("beta").contains("-1").contains("> 0");

        Http.Answer yaml = http.post("/api/runs", "preset: langevin\nparts:\n  energy: {id: double-wel}\n",
                "application/yaml");
        assertThat(yaml.status()).isEqualTo(400);
        assertThat(yaml.json().get("error").asText()).contains("line 3").contains("did you mean 'double-well'");

        Http.Answer xss = http.post("/api/runs", "{\"preset\":\"langevin\",\"parts\":{\"energy\":"
                + "\"<img src=x onerror=alert(1)>\"}}");
        assertThat(xss.status()).isEqualTo(400);
        assertThat(xss.type()).startsWith("application/json");
    }

    @Test
    void limitsAndUnknownRunsAndHugeBodies() {
        Http.Answer many = http.post("/api/runs", "{\"preset\":\"langevin\",\"particles\":20001}");
        assertThat(many.status()).isEqualTo(400);
        assertThat(many.json().get("error").asText()).isEqualTo("particles = 20001 is more than this server allows"
                + " (20000, varflow serve --max-particles); give at most 20000");
        Http.Answer steps = http.post("/api/runs", "{\"preset\":\"gradient-descent\",\"steps\":200001}");
        assertThat(steps.status()).isEqualTo(400);
        assertThat(steps.json().get("error").asText()).contains("--max-steps");
        Http.Answer rare = http.post("/api/runs", "{\"preset\":\"gradient-descent\",\"steps\":1000,\"every\":100}");
        assertThat(rare.status()).isEqualTo(400);
        assertThat(rare.json().get("error").asText()).contains("every <= 50");
        Http.Answer big = http.post("/api/runs", "{\"preset\":\"particle-fokker-planck\",\"parts\":{\"space\":{\"id\":"
                + "\"ensemble\",\"params\":{\"n\":1000000,\"d\":10000}}}}");
        assertThat(big.status()).isEqualTo(400);
        assertThat(big.json().get("error").asText()).contains("--max-state");

        Http.Answer unknown = http.get("/api/runs/r999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).contains("no run 'r999999'");
        assertThat(http.delete("/api/runs/nope").status()).isEqualTo(404);
        assertThat(http.get("/api/nothing").status()).isEqualTo(404);

        Http.Answer huge = http.post("/api/runs", "{\"preset\":\"langevin\",\"x\":\"" + "a".repeat(70_000) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().get("error").asText()).contains("--max-body");
    }

    @Test
    void aDivergedRunReportsTheDivergenceMessage() {
        String spec = "{\"preset\":\"gradient-descent\",\"dt\":2}";
        String id = http.post("/api/runs", spec).json().get("id").asText();
        JsonNode end = http.awaitEnd(id, 60);
        assertThat(end.get("status").asText()).isEqualTo("failed");
        assertThatThrownBy(() -> varflow.flow(parse(spec)).run()).isInstanceOf(NumericalException.class)
                .satisfies(e -> assertThat(end.get("error").asText()).isEqualTo("numerical failure: "
                        + e.getMessage()));
        assertThat(end.get("error").asText()).contains("smaller");
        assertThat(http.get("/api/runs/" + id + "/summary").status()).isEqualTo(409);
        JsonNode t = http.get("/api/runs/" + id + "/trajectory").json();
        assertThat(t.get("frames").size()).isGreaterThan(1); // what it did before diverging is still drawn
    }

    @Test
    void eventsStreamProgressFramesAndTheEnd() throws Exception {
        String id = http.post("/api/runs", "{\"preset\":\"langevin\",\"particles\":5000,\"time\":20,\"every\":20}")
                .json().get("id").asText();
        HttpRequest request = HttpRequest.newBuilder(explorer.address().resolve("/api/runs/" + id + "/events"))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.io.InputStream> r = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> events = new ArrayList<>();
        String endData = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String event = null;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                    events.add(event);
                } else if (line.startsWith("data:") && "end".equals(event)) {
                    endData = line.substring(5).trim();
                }
            }
        }
        assertThat(events).contains("progress", "frame");
        assertThat(events.get(events.size() - 1)).isEqualTo("end");
        JsonNode end = Http.JSON.readTree(endData);
        assertThat(end.get("status").asText()).isEqualTo("done");
        assertThat(end.at("/summary/steps").asLong()).isEqualTo(2000);
    }

    @Test
    void levelsRunBothAndMeasureW2BetweenThem() {
        Http.Answer a = http.post("/api/levels", "{\"energy\":{\"id\":\"double-well\"},\"entropy\":{\"id\":"
                + "\"boltzmann\",\"params\":{\"beta\":2}},\"particles\":4000,\"time\":3,\"frames\":30}");
        assertThat(a.status()).isEqualTo(201);
        String samples = a.json().at("/samples/id").asText();
        String law = a.json().at("/law/id").asText();
        JsonNode es = http.awaitEnd(samples, 120);
        JsonNode el = http.awaitEnd(law, 120);
        assertThat(es.get("status").asText()).isEqualTo("done");
        assertThat(el.get("status").asText()).isEqualTo("done");
        assertThat(es.at("/spec/parts/energy/id").asText()).isEqualTo("double-well");
        assertThat(el.at("/spec/parts/entropy/params/beta").asDouble()).isEqualTo(2.0);
        assertThat(el.at("/spec/parts/space/id").asText()).isEqualTo("grid-1d");
        JsonNode d = http.get("/api/levels/distance?samples=" + samples + "&law=" + law).json();
        JsonNode times = d.get("times");
        JsonNode w2 = d.get("w2");
        assertThat(times.size()).isGreaterThanOrEqualTo(30);
        for (int i = 0; i < times.size(); i++) {
            assertThat(d.get("samplesTimes").get(i).asDouble()).isCloseTo(times.get(i).asDouble(),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
        // the same flow at two levels: the particles' law stays within sampling error of the density
        // (4000 particles: W2 of a sample to its own law is about 0.02 here)
        for (JsonNode v : w2) {
            assertThat(v.asDouble()).isBetween(0.0, 0.1);
        }
    }

    @Test
    void busyServersRefuseAndStopsKeepWhatWasComputed() {
        RunLimits one = new RunLimits(20_000, 400_000, 200_000, 60, 1, 0, 4, 50, 1000, 65536, 1);
        try (Explorer small = Explorer.start(varflow, new ServeSettings("127.0.0.1", 0, one))) {
            Http h = new Http(small.address());
            String longRun = "{\"preset\":\"langevin\",\"particles\":20000,\"time\":2000,\"every\":50}";
            String id = h.post("/api/runs", longRun).json().get("id").asText();
            Http.Answer refused = h.post("/api/runs", longRun);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().get("error").asText()).contains("--max-runs");
            JsonNode stopped = h.delete("/api/runs/" + id).json();
            assertThat(stopped.get("id").asText()).isEqualTo(id);
            JsonNode end = h.awaitEnd(id, 60);
            assertThat(end.get("status").asText()).isEqualTo("stopped");
            assertThat(end.get("stopReason").asText()).isEqualTo("stopped on request");
            assertThat(end.at("/summary/diagnostics/stoppedEarly").asBoolean()).isTrue();
        }
        RunLimits brief = new RunLimits(20_000, 400_000, 1_000_000_000, 0.5, 1, 1, 4, 50, 1000, 65536, 1);
        try (Explorer small = Explorer.start(varflow, new ServeSettings("127.0.0.1", 0, brief))) {
            Http h = new Http(small.address());
            String id = h.post("/api/runs", "{\"preset\":\"langevin\",\"particles\":20000,\"time\":100000,"
                    + "\"every\":50}").json().get("id").asText();
            JsonNode end = h.awaitEnd(id, 60);
            assertThat(end.get("status").asText()).isEqualTo("stopped");
            assertThat(end.get("stopReason").asText()).contains("wall-time limit of 0.5 s");
            assertThat(end.at("/summary/steps").asLong()).isLessThan(10_000_000L);
        }
    }

    @Test
    void servesThePageAndItsLibrariesFromTheJar() {
        Http.Answer page = http.get("/");
        assertThat(page.type()).startsWith("text/html");
        assertThat(page.body()).contains("<math").contains("/vendor/uplot.js").doesNotContain("http://")
                .doesNotContain("https://");
        Http.Answer uplot = http.get("/vendor/uplot.js");
        assertThat(uplot.status()).isEqualTo(200);
        assertThat(uplot.body()).contains("uPlot");
        assertThat(http.get("/assets/explorer.js").type()).startsWith("text/javascript");
    }

    @Test
    void theAddressIsLocalByDefault() {
        assertThat(ServeSettings.defaults().host()).isEqualTo("127.0.0.1");
        assertThat(explorer.address()).isEqualTo(URI.create("http://127.0.0.1:" + explorer.port() + "/"));
        assertThatThrownBy(() -> Explorer.start(varflow, new ServeSettings("127.0.0.1", explorer.port(),
                RunLimits.DEFAULTS))).isInstanceOf(ConfigurationException.class).hasMessageContaining("in use");
    }
}
