package org.varflow.spark;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.varflow.cli.sweep.SweepEngine;

/**
 * Starts the Spark session of a sweep. The master is {@code --master}, else what spark-submit set
 * ({@code spark.master}), else {@code local[*]}. Executors get varflow's code from the job jar: the one this class
 * was loaded from when it is a jar (spark-submit, or varflow's relaunch with Spark's jars), plus {@code --job-jar}
 * and the plugin jars of {@code --plugin-path}. Spark's console progress bar is off, and unless a log4j2
 * configuration is given, Spark logs warnings only (errors only with {@code --quiet}), so its logs do not drown the
 * sweep's output.
 */
final class Sessions {
    /** Where log4j2 looks for a configuration given by the user. */
    private static final String LOG_CONFIG = "log4j2.configurationFile";

    private Sessions() {
    }

    static SparkSession start(SweepEngine.Options options) {
        quietLogs(options.quiet());
        SparkConf conf = new SparkConf(); // spark.* system properties, e.g. from spark-submit
        String master = options.master() != null ? options.master()
                : conf.contains("spark.master") ? conf.get("spark.master") : "local[*]";
        SparkSession.Builder b = SparkSession.builder().config(conf).master(master).appName(options.appName());
        if (!conf.contains("spark.ui.showConsoleProgress")) {
            b.config("spark.ui.showConsoleProgress", "false");
        }
        if (!conf.contains("spark.sql.debug.maxToStringFields")) {
            b.config("spark.sql.debug.maxToStringFields", "10000"); // tables of d = 10 have 80 columns: no warning
        }
        if (master.startsWith("local") && !conf.contains("spark.ui.enabled")) {
            b.config("spark.ui.enabled", "false");
        }
        Set<String> jars = new LinkedHashSet<>();
        if (conf.contains("spark.jars")) {
            for (String j : conf.get("spark.jars").split(",")) {
                if (!j.isBlank()) {
                    jars.add(j.trim());
                }
            }
        }
        if (!master.startsWith("local")) {
            Path own = ownJar();
            if (own != null) {
                jars.add(own.toUri().toString());
            }
        }
        for (Path j : options.jars()) {
            jars.add(j.toUri().toString());
        }
        if (!jars.isEmpty()) {
            b.config("spark.jars", String.join(",", new ArrayList<>(jars)));
        }
        SparkSession session = b.getOrCreate();
        session.sparkContext().setLogLevel(options.quiet() ? "ERROR" : "WARN");
        return session;
    }

    /** The jar this class was loaded from, or null (e.g. classes in a build directory). */
    static Path ownJar() {
        try {
            URL url = Sessions.class.getProtectionDomain().getCodeSource().getLocation();
            Path p = Path.of(url.toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** Unless the user configured log4j2, Spark's log goes to stderr at WARN (ERROR when quiet). */
    private static void quietLogs(boolean quiet) {
        if (System.getProperty(LOG_CONFIG) != null
                || Thread.currentThread().getContextClassLoader().getResource("log4j2.properties") != null) {
            return;
        }
        URL config = Sessions.class.getResource(quiet ? "log4j2-quiet.properties" : "log4j2-sweep.properties");
        if (config != null) {
            System.setProperty(LOG_CONFIG, config.toString());
        }
    }
}
