package org.varflow.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.EntropyFactory;
import org.varflow.api.PartKind;
import org.varflow.api.Parameters;
import org.varflow.api.Plugin;
import org.varflow.api.Space;
import org.varflow.core.CorePlugin;
import org.varflow.Varflow;
import org.varflow.core.run.RunControl;
import org.varflow.core.testing.Flows;
import org.varflow.core.testing.TestParts;

/** Discovery reports broken or clashing plugins by name and keeps everything else working. */
class PluginDiscoveryTest {

    /** A plugin that also claims the energy id "quadratic", with a different (wrong) energy. */
    static final class Impostor implements Plugin {
        @Override
        public String id() {
            return "impostor";
        }

        @Override
        public Collection<EnergyFactory> energies() {
            return List.of(new EnergyFactory() {
                @Override
                public String id() {
                    return "quadratic";
                }

                @Override
                public String summary() {
                    return "not the real one";
                }

                @Override
                public Energy create(Parameters parameters, Space space) {
                    return new Energy() {
                        @Override
                        public double value(double[] x) {
                            return 0;
                        }

                        @Override
                        public void gradient(double[] x, double[] out) {
                            java.util.Arrays.fill(out, 0.0);
                        }
                    };
                }
            });
        }
    }

    /** A plugin whose energies() throws, but whose entropies are fine. */
    static final class HalfBroken implements Plugin {
        @Override
        public String id() {
            return "half-broken";
        }

        @Override
        public Collection<EnergyFactory> energies() {
            throw new IllegalStateException("energy table corrupt");
        }

        @Override
        public Collection<EntropyFactory> entropies() {
            return List.of(new EntropyFactory() {
                @Override
                public String id() {
                    return "half-broken-entropy";
                }

                @Override
                public String summary() {
                    return "an entropy from a plugin with broken energies";
                }

                @Override
                public org.varflow.api.Entropy create(Parameters parameters, Space space) {
                    return () -> 3.0;
                }
            });
        }
    }

    @Test
    void aDuplicatePartIdIsReportedAndTheFirstKeepsIt() {
        TestParts first = new TestParts();
        DiscoveryReport report = PluginDiscovery.of(List.of(new CorePlugin(), first, new Impostor()));

        assertThat(report.problems()).hasSize(1);
        PluginProblem problem = report.problems().get(0);
        assertThat(problem.plugin()).isEqualTo("impostor");
        assertThat(problem.toString()).contains("'quadratic'", "impostor", TestParts.ID, "energy");
        assertThat(report.plugins()).extracting(LoadedPlugin::id)
                .containsExactly("varflow-core", TestParts.ID, "impostor");

        Varflow varflow = Varflow.wire(report);
        assertThat(varflow.registry().factory(PartKind.ENERGY, "quadratic"))
                .isInstanceOf(TestParts.QuadraticEnergyFactory.class);
        assertThat(varflow.registry().pluginOf(PartKind.ENERGY, "quadratic").orElseThrow().id())
                .isEqualTo(TestParts.ID);
        // the surviving factory runs: one Euler step from x0 = [2,1] is x0 - 0.1 (A x0 - b) = [1.4, 0.5]
        double[] x = varflow.run(Flows.reference2d("euler", 1, 0.1), new RunControl(1), null).result().particle(0);
        assertThat(x[0]).isCloseTo(1.4, within(1e-15));
        assertThat(x[1]).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void aThrowingGetterIsReportedAndTheOtherPartsAreKept() {
        DiscoveryReport report = PluginDiscovery.of(List.of(new CorePlugin(), new HalfBroken()));

        assertThat(report.problems()).hasSize(1);
        PluginProblem problem = report.problems().get(0);
        assertThat(problem.plugin()).isEqualTo("half-broken");
        assertThat(problem.message()).contains("energy", "energy table corrupt");
        LoadedPlugin loaded = report.plugins().stream().filter(p -> p.id().equals("half-broken")).findFirst()
                .orElseThrow();
        assertThat(loaded.factories(PartKind.ENTROPY)).extracting(f -> f.id())
                .containsExactly("half-broken-entropy");
        Varflow varflow = Varflow.wire(report);
        assertThat(varflow.registry().factories(PartKind.ENTROPY)).containsKey("half-broken-entropy");
        assertThat(varflow.registry().factories(PartKind.SCHEME)).containsKey("euler");
    }

    @Test
    void aDuplicatePluginIdIsReported() {
        DiscoveryReport report = PluginDiscovery.of(List.of(new CorePlugin(), new TestParts(), new TestParts()));

        assertThat(report.problems()).hasSize(1);
        PluginProblem problem = report.problems().get(0);
        assertThat(problem.plugin()).isEqualTo(TestParts.ID);
        assertThat(problem.message()).contains("duplicate plugin id");
        assertThat(report.plugins()).extracting(LoadedPlugin::id).containsExactly("varflow-core", TestParts.ID);
        // the ignored copy's parts are not reported as duplicates one by one: it is set aside as a whole
        assertThat(Varflow.wire(report).registry().factories(PartKind.ENERGY)).containsKey("quadratic");
    }

    @Test
    void aProviderThatCannotBeLoadedIsNamedAndTheOthersAreFound(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(Plugin.class.getName()),
                "# a broken registration\ncom.example.missing.NoSuchPlugin\n" + ThrowingPlugin.class.getName() + "\n");

        DiscoveryReport report;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            report = PluginDiscovery.discover(loader);
        }

        assertThat(report.plugins()).extracting(LoadedPlugin::id).contains("varflow-core");
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.plugin()).isEqualTo("com.example.missing.NoSuchPlugin");
            assertThat(p.toString()).contains("com.example.missing.NoSuchPlugin");
        });
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.plugin()).isEqualTo(ThrowingPlugin.class.getName());
            assertThat(p.message()).contains("could not be instantiated", "no licence");
        });
        assertThat(report.problems()).hasSize(2);
        // what was found still wires and runs
        assertThat(Varflow.wire(report).registry().factories(PartKind.SCHEME))
                .containsKeys("euler", "euler-maruyama", "minimizing-movement", "dormand-prince");
    }
}
