package org.varflow.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on 127.0.0.1 made of Spark's own classes in separate JVMs: one
 * {@code org.apache.spark.deploy.master.Master} and workers ({@code org.apache.spark.deploy.worker.Worker}), each a
 * process that can be killed. SPARK_HOME is a directory whose {@code jars/} links Spark's jars as Maven resolved them
 * (spark-runtime/target/spark-classpath.txt), which is all the workers need to launch executors.
 */
@SuppressWarnings("try") // close() waits for the processes it stops, so it may be interrupted
final class StandaloneCluster implements AutoCloseable {
    private final Path home;
    private final Path logs;
    private final int port;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();

    private StandaloneCluster(Path home, Path logs, int port, Process master) {
        this.home = home;
        this.logs = logs;
        this.port = port;
        this.master = master;
    }

    /** A fake SPARK_HOME under {@code dir}: {@code jars/} with a link to each of Spark's jars. */
    static Path sparkHome(Path dir) throws IOException {
        Path jars = dir.resolve("jars");
        Files.createDirectories(jars);
        String cp = Files.readString(Path.of("..", "spark-runtime", "target", "spark-classpath.txt")).trim();
        for (String j : cp.split(java.io.File.pathSeparator)) {
            Path jar = Path.of(j);
            Path link = jars.resolve(jar.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, jar.toAbsolutePath());
            }
        }
        Files.createDirectories(dir.resolve("conf"));
        return dir;
    }

    static StandaloneCluster start(Path dir) throws Exception {
        Path home = sparkHome(dir.resolve("spark-home"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        int port = freePort();
        Process master = launch(home, logs.resolve("master.log"), List.of("org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", "0"),
                List.of("-Dspark.worker.timeout=30"));
        StandaloneCluster c = new StandaloneCluster(home, logs, port, master);
        waitForPort(port, master, logs.resolve("master.log"));
        return c;
    }

    /** Starts a worker with one core; returns its index. */
    int addWorker() throws Exception {
        int i = workers.size();
        Path work = Files.createDirectories(logs.getParent().resolve("work-" + i));
        workers.add(launch(home, logs.resolve("worker-" + i + ".log"), List.of(
                "org.apache.spark.deploy.worker.Worker", url(), "--host", "127.0.0.1", "--cores", "1", "--memory",
                "700m", "--webui-port", "0", "--work-dir", work.toString()), List.of()));
        return i;
    }

    /** Waits until the worker's log says it registered with the master. */
    void awaitRegistered(int worker) throws Exception {
        Path log = logs.resolve("worker-" + worker + ".log");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            if (Files.exists(log) && Files.readString(log).contains("Successfully registered with master")) {
                return;
            }
            if (!workers.get(worker).isAlive()) {
                throw new IllegalStateException("worker " + worker + " died: " + Files.readString(log));
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("worker " + worker + " did not register: " + Files.readString(log));
    }

    /** The work directory of a worker (executors' logs are under app-*&#47;N/stderr). */
    Path workDir(int worker) {
        return logs.getParent().resolve("work-" + worker);
    }

    /** Kills a worker and the executors it launched, at once, as a lost machine would go. */
    void kill(int worker) throws InterruptedException {
        Process p = workers.get(worker);
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    String url() {
        return "spark://127.0.0.1:" + port;
    }

    Path home() {
        return home;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process w : workers) {
            w.descendants().forEach(ProcessHandle::destroyForcibly);
            w.destroyForcibly();
            w.waitFor(30, TimeUnit.SECONDS);
        }
        master.destroyForcibly();
        master.waitFor(30, TimeUnit.SECONDS);
    }

    private static Process launch(Path home, Path log, List<String> mainAndArgs, List<String> props)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.addAll(List.of(System.getProperty("spark.test.jvm.flags", "").trim().split("\\s+")));
        cmd.addAll(props);
        cmd.add("-cp");
        cmd.add(home.resolve("conf") + java.io.File.pathSeparator + home.resolve("jars") + "/*");
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd.stream().filter(s -> !s.isEmpty()).toList());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void waitForPort(int port, Process p, Path log) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                s.getPort(); // connected: the master listens
                return;
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("the master died: " + Files.readString(log));
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the master did not open port " + port + ": " + Files.readString(log));
    }
}
