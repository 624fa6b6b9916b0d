package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code varflow serve}: its options, its errors, the explorer it starts, and the promise that a spec downloaded from
 * it makes {@code varflow run --spec} print the same numbers, and a bad spec the same message.
 */
class ServeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static URI address;

    @TempDir
    Path dir;

    /** Starts {@code varflow serve --port 0} on a thread of its own, as a user would from a shell. */
    @BeforeAll
    static void serve() throws Exception {
        StringWriter out = new StringWriter();
        Thread server = new Thread(() -> Main.execute(new String[] {"serve", "--port", "0", "--max-particles",
            "12000"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true)), "varflow-serve-test");
        server.setDaemon(true);
        server.start();
        Pattern printed = Pattern.compile("the explorer is at (http://127\\.0\\.0\\.1:\\d+/)");
        for (int i = 0; i < 600 && address == null; i++) {
            Matcher m = printed.matcher(out.toString());
            if (m.find()) {
                address = URI.create(m.group(1));
            }
            Thread.sleep(50);
        }
        assertThat(address).as("the address printed by varflow serve: " + out).isNotNull();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String post(String spec) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(address.resolve("/api/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(spec)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asText();
    }

    private static JsonNode awaitEnd(String id) throws Exception {
        for (int i = 0; i < 1200; i++) {
            JsonNode s = JSON.readTree(send(HttpRequest.newBuilder(address.resolve("/api/runs/" + id))).body());
            if (!List.of("queued", "running").contains(s.get("status").asText())) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + id + " did not end");
    }

    private static JsonNode numbers(String summary) throws Exception {
        ObjectNode n = (ObjectNode) JSON.readTree(summary);
        n.remove("wallSeconds");
        return n;
    }

    @Test
    void aDownloadedSpecMakesVarflowRunPrintTheSameNumbers() throws Exception {
        for (String spec : List.of(
                "{\"preset\":\"langevin\",\"parts\":{\"energy\":\"double-well\"},\"particles\":3000,\"time\":2,"
                        + "\"seed\":11,\"every\":10}",
                "{\"preset\":\"gradient-descent\",\"parts\":{\"metric\":{\"id\":\"diagonal\",\"params\":{\"k\":"
                        + "[1,0.25]}}},\"steps\":100,\"every\":5}",
                "{\"preset\":\"particle-fokker-planck\",\"time\":1,\"every\":5}")) {
            String id = post(spec);
            assertThat(awaitEnd(id).get("status").asText()).isEqualTo("done");
            String yaml = send(HttpRequest.newBuilder(address.resolve("/api/runs/" + id + "/spec.yaml"))).body();
            Path file = dir.resolve("flow-" + id + ".yaml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            CliRunner cli = CliRunner.run("run", "--spec", file.toString(), "--quiet");
            assertThat(cli.code()).as(cli.err()).isZero();
            String served = send(HttpRequest.newBuilder(address.resolve("/api/runs/" + id + "/summary"))).body();
            assertThat(numbers(cli.out())).isEqualTo(numbers(served));
        }
    }

    @Test
    void aBadSpecAndADivergedRunGetTheClisMessages() throws Exception {
        String bad = "{\"preset\":\"langevin\",\"parts\":{\"entropy\":\"none\"}}";
        HttpResponse<String> refused = send(HttpRequest.newBuilder(address.resolve("/api/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(bad)));
        assertThat(refused.statusCode()).isEqualTo(400);
        Path file = dir.resolve("bad.json");
        Files.writeString(file, bad);
        CliRunner cli = CliRunner.run("run", "--spec", file.toString(), "--quiet");
        assertThat(cli.code()).isEqualTo(Main.USAGE);
        assertThat("varflow: " + JSON.readTree(refused.body()).get("error").asText()).isEqualTo(cli.err().strip());

        String diverging = "{\"preset\":\"gradient-descent\",\"dt\":2}";
        JsonNode failed = awaitEnd(post(diverging));
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        Path again = dir.resolve("diverging.json");
        Files.writeString(again, diverging);
        CliRunner diverged = CliRunner.run("run", "--spec", again.toString(), "--quiet");
        assertThat(diverged.code()).isEqualTo(Main.NUMERICAL);
        assertThat("varflow: " + failed.get("error").asText()).isEqualTo(diverged.err().strip());
    }

    @Test
    void theOptionsSetTheServersLimits() throws Exception {
        JsonNode limits = JSON.readTree(send(HttpRequest.newBuilder(address.resolve("/api/limits"))).body());
        assertThat(limits.get("maxParticles").asInt()).isEqualTo(12000);
        assertThat(limits.get("maxSteps").asLong()).isEqualTo(200_000);
        CliRunner help = CliRunner.run("serve", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--port", "--host", "--max-particles", "--max-seconds", "--max-runs",
                "default: 127.0.0.1");
    }

    @Test
    void badOptionsEndInOneMessage() throws Exception {
        CliRunner port = CliRunner.run("serve", "--port", "70000");
        assertThat(port.code()).isEqualTo(Main.USAGE);
        assertThat(port.err().strip()).isEqualTo("varflow: --port 70000 is not valid; expected 0 (any free port) to"
                + " 65535");
        CliRunner runs = CliRunner.run("serve", "--port", "0", "--max-runs", "0");
        assertThat(runs.code()).isEqualTo(Main.USAGE);
        assertThat(runs.err()).contains("concurrent runs = 0 is not valid");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRunner inUse = CliRunner.run("serve", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(inUse.code()).isEqualTo(Main.USAGE);
            assertThat(inUse.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("in use").doesNotContain("Exception");
        }
    }

    @Test
    void theOtherCommandsDoNotLoadTheWebServer() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (List<String> args : List.of(List.of("list"), List.of("serve", "--help"))) {
            List<String> command = new ArrayList<>(List.of(java, "-verbose:class", "-cp",
                    System.getProperty("java.class.path"), "org.varflow.cli.Main"));
            command.addAll(args);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(output.lines().filter(l -> !l.startsWith("[")).toList().toString()).isZero();
            assertThat(output).contains("org.varflow.cli.Main");
            assertThat(output).as("classes loaded by varflow " + args).doesNotContain("io.javalin")
                    .doesNotContain("org.eclipse.jetty").doesNotContain("org.varflow.serve.Explorer");
        }
    }
}
