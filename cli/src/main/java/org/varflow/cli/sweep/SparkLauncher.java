package org.varflow.cli.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.varflow.api.ConfigurationException;

/**
 * Runs {@code varflow sweep --engine spark} when Spark is not on this JVM's classpath (varflow.jar leaves it out):
 * finds Spark's jars and varflow's job jar, and runs the same command line in a child JVM whose classpath is the job
 * jar and Spark's jars, with the JVM flags Spark needs on Java 17 (asked of that Spark's own
 * {@code org.apache.spark.launcher.JavaModuleOptions}). Without Spark it explains how to get it.
 *
 * <p>Spark's jars: {@code --spark-jars DIR}, else {@code $SPARK_HOME/jars}, else (in a checkout) the list
 * {@code spark-runtime/target/spark-classpath.txt} the build writes from Maven. The job jar: {@code --job-jar
 * FILE}, else {@code varflow-spark.jar} beside varflow.jar, else {@code spark/target/varflow-spark.jar}.
 */
public final class SparkLauncher {
    /** Set in the child's environment: a child that still finds no Spark engine stops instead of relaunching. */
    public static final String CHILD = "VARFLOW_SPARK_CHILD";
    /** The job jar's name. */
    public static final String JOB_JAR = "varflow-spark.jar";
    /** The Spark classpath list the spark module's build writes. */
    public static final String CLASSPATH_FILE = "spark-classpath.txt";
    /** Spark 4.2's flags, used when its JavaModuleOptions cannot be asked. */
    static final String FALLBACK_FLAGS = "-XX:+IgnoreUnrecognizedVMOptions"
            + " --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED"
            + " --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED"
            + " --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED"
            + " --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED"
            + " --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED"
            + " --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
            + " --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED"
            + " --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
            + " --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED "
            + "-Dio.netty.tryReflectionSetAccessible=true";

    private final List<Path> sparkJars;
    private final Path jobJar;

    private SparkLauncher(List<Path> sparkJars, Path jobJar) {
        this.sparkJars = List.copyOf(sparkJars);
        this.jobJar = jobJar;
    }

    /**
     * Finds Spark and the job jar, or explains (exit 2) how to get them.
     *
     * @param sparkJarsDir {@code --spark-jars}, or null
     * @param jobJarOption {@code --job-jar}, or null
     * @param env          the environment (SPARK_HOME)
     * @param home         where varflow runs from (the directory of varflow.jar or of the cli's classes)
     */
    public static SparkLauncher find(Path sparkJarsDir, Path jobJarOption, Map<String, String> env, Path home) {
        if (env.get(CHILD) != null) {
            throw new ConfigurationException("--engine spark: the job jar and Spark's jars were put on the classpath,"
                    + " but no Spark engine was found there: is the job jar a varflow-spark build of this version?");
        }
        Path repo = home == null || home.getParent() == null ? null : home.getParent().getParent();
        List<Path> jars = null;
        if (sparkJarsDir != null) {
            jars = jarsIn(sparkJarsDir, "--spark-jars " + sparkJarsDir);
        } else if (env.get("SPARK_HOME") != null) {
            jars = jarsIn(Path.of(env.get("SPARK_HOME"), "jars"), "SPARK_HOME=" + env.get("SPARK_HOME"));
        } else {
            for (Path p : candidates(home, repo, CLASSPATH_FILE)) {
                if (Files.isRegularFile(p)) {
                    jars = listed(p);
                    break;
                }
            }
        }
        Path job = jobJarOption;
        if (job == null) {
            for (Path p : candidates(home, repo, JOB_JAR)) {
                if (Files.isRegularFile(p)) {
                    job = p;
                    break;
                }
            }
        } else if (!Files.isRegularFile(job)) {
            throw new ConfigurationException("--job-jar " + job + " is not a file; expected the varflow job jar ("
                    + JOB_JAR + ", built by 'mvn -B -pl spark -am package -DskipTests')");
        }
        if (jars == null || job == null) {
            throw new ConfigurationException(recipe(jars == null, job == null));
        }
        return new SparkLauncher(jars, job);
    }

    /** The message that says how to get Spark and the job jar. */
    static String recipe(boolean noSpark, boolean noJobJar) {
        String missing = noSpark && noJobJar ? "Spark and the varflow job jar are" : noSpark ? "Spark is"
                : "the varflow job jar is";
        return "--engine spark: " + missing + " not on varflow's classpath (varflow.jar leaves Spark out)."
                + System.lineSeparator() + "  Spark 4.2 (Scala 2.13): give --spark-jars DIR (e.g. the jars/ of a Spark"
                + " distribution) or set SPARK_HOME; in a checkout, 'mvn -B -pl spark -am package -DskipTests' resolves"
                + " Spark from Maven Central and lists it in spark-runtime/target/" + CLASSPATH_FILE + ", found"
                + " automatically."
                + System.lineSeparator() + "  The job jar: the same command builds spark/target/" + JOB_JAR + " (or"
                + " give --job-jar FILE)." + System.lineSeparator() + "  Or submit the job jar yourself: spark-submit"
                + " --class org.varflow.spark.SweepApp " + JOB_JAR + " PRESET --vary ... --out DIR."
                + System.lineSeparator() + "  Without Spark, the default --engine local needs nothing installed. See"
                + " docs/scale-out.md";
    }

    /** The job jar. */
    public Path jobJar() {
        return jobJar;
    }

    /**
     * The command that runs {@code args} with Spark: java, this JVM's heap options and {@code -Dspark.*} and
     * {@code -Dlog4j2.*} properties, Spark's flags, the classpath, varflow's main class.
     */
    public List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-Xss") || a.startsWith("-Dspark.")
                    || a.startsWith("-Dlog4j2.")) { // the heap, and Spark's and its log's settings
                cmd.add(a);
            }
        }
        for (String flag : moduleFlags().trim().split("\\s+")) {
            if (!flag.equals("--add-modules=jdk.incubator.vector")) { // MLlib's BLAS only; the JVM warns of it
                cmd.add(flag);
            }
        }
        List<String> cp = new ArrayList<>();
        cp.add(jobJar.toString());
        for (Path j : sparkJars) {
            cp.add(j.toString());
        }
        cmd.add("-cp");
        cmd.add(String.join(java.io.File.pathSeparator, cp));
        cmd.add("org.varflow.cli.Main");
        cmd.addAll(args);
        return cmd;
    }

    /** Runs {@code args} in the child JVM, copying its output to {@code out} and {@code err}; its exit code. */
    public int run(List<String> args, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command(args));
        pb.environment().put(CHILD, "1");
        pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        Thread o = pump(p.getInputStream(), out);
        Thread e = pump(p.getErrorStream(), err);
        int code = p.waitFor();
        o.join();
        e.join();
        return code;
    }

    /** Spark's JVM flags for Java 17, as this Spark's launcher lists them. */
    String moduleFlags() {
        List<URL> urls = new ArrayList<>();
        for (Path j : sparkJars) {
            if (j.getFileName().toString().startsWith("spark-launcher")) {
                try {
                    urls.add(j.toUri().toURL());
                } catch (java.net.MalformedURLException e) {
                    return FALLBACK_FLAGS;
                }
            }
        }
        try (URLClassLoader l = new URLClassLoader(urls.toArray(new URL[0]), null)) {
            Object flags = l.loadClass("org.apache.spark.launcher.JavaModuleOptions")
                    .getMethod("defaultModuleOptions").invoke(null);
            return (String) flags;
        } catch (ReflectiveOperationException | IOException | LinkageError e) {
            return FALLBACK_FLAGS;
        }
    }

    private static Thread pump(InputStream in, PrintWriter to) {
        Thread t = new Thread(() -> {
            try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
                char[] buf = new char[8192];
                int n;
                while ((n = r.read(buf)) >= 0) {
                    to.write(buf, 0, n);
                    to.flush();
                }
            } catch (IOException ignored) {
                // the child ended
            }
        }, "varflow-spark-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static List<Path> candidates(Path home, Path repo, String name) {
        List<Path> out = new ArrayList<>();
        if (home != null) {
            out.add(home.resolve(name));
        }
        if (repo != null) {
            out.add(repo.resolve(name.equals(CLASSPATH_FILE) ? "spark-runtime" : "spark").resolve("target")
                    .resolve(name));
        }
        return out;
    }

    private static List<Path> jarsIn(Path dir, String origin) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigurationException(origin + ": " + dir + " is not a directory; expected a directory of"
                    + " Spark 4.2 jars (Scala 2.13), e.g. the jars/ directory of a Spark distribution");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            if (jars.stream().noneMatch(p -> p.getFileName().toString().startsWith("spark-core_"))) {
                throw new ConfigurationException(origin + ": " + dir + " holds no spark-core_*.jar; expected a"
                        + " directory of Spark 4.2 jars (Scala 2.13), e.g. the jars/ directory of a Spark "
                        + "distribution");
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> listed(Path file) {
        try {
            String text = Files.readString(file).trim();
            List<Path> out = new ArrayList<>();
            for (String p : text.split(java.io.File.pathSeparator)) {
                if (!p.isBlank()) {
                    out.add(Path.of(p.trim()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
