package org.varflow.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.api.ConfigurationException;

/** How {@code --engine spark} finds Spark and the job jar when varflow.jar runs without them, or says how to. */
class SparkLauncherTest {
    @TempDir
    Path dir;

    @Test
    void withoutSparkTheMessageIsTheRecipe() throws Exception {
        Path home = Files.createDirectories(dir.resolve("cli").resolve("target"));
        assertThatThrownBy(() -> SparkLauncher.find(null, null, Map.of(), home))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Spark and the varflow job jar are not on varflow's classpath")
                .hasMessageContaining("--spark-jars DIR").hasMessageContaining("SPARK_HOME")
                .hasMessageContaining("mvn -B -pl spark -am package -DskipTests")
                .hasMessageContaining("spark-submit --class org.varflow.spark.SweepApp")
                .hasMessageContaining("--engine local needs nothing installed");
    }

    @Test
    void sparkHomeAndTheJobJarBesideVarflowMakeTheChildCommand() throws Exception {
        Path home = Files.createDirectories(dir.resolve("lib"));
        Path job = Files.writeString(home.resolve(SparkLauncher.JOB_JAR), "");
        Path jars = Files.createDirectories(dir.resolve("spark").resolve("jars"));
        Path core = Files.writeString(jars.resolve("spark-core_2.13-4.2.0.jar"), "");
        Path scala = Files.writeString(jars.resolve("scala-library-2.13.18.jar"), "");
        SparkLauncher launcher = SparkLauncher.find(null, null, Map.of("SPARK_HOME", dir.resolve("spark").toString()),
                home);
        assertThat(launcher.jobJar()).isEqualTo(job);
        List<String> cmd = launcher.command(List.of("sweep", "langevin", "--engine", "spark"));
        int cp = cmd.indexOf("-cp");
        assertThat(cmd.get(cp + 1).split(java.io.File.pathSeparator)).containsExactly(job.toString(),
                scala.toString(), core.toString());
        assertThat(cmd.subList(cp + 2, cmd.size())).containsExactly("org.varflow.cli.Main", "sweep", "langevin",
                "--engine", "spark");
        assertThat(cmd).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.nio=ALL-UNNAMED");
    }

    @Test
    void aChildThatStillFindsNoEngineStopsInsteadOfRelaunching() {
        assertThatThrownBy(() -> SparkLauncher.find(null, null, Map.of(SparkLauncher.CHILD, "1"), dir))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no Spark engine was found");
    }
}
