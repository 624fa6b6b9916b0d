package org.varflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.ConstantMetric;
import org.varflow.api.Energy;
import org.varflow.api.Observer;
import org.varflow.api.PartKind;
import org.varflow.api.Snapshot;
import org.varflow.core.CorePlugin;
import org.varflow.core.testing.TestParts;

/** The fluent Java API: composing from parts and instances, typed results, early errors and the streaming view. */
class FlowBuilderTest {
    private static final Varflow VARFLOW = Varflow.builder().discover(false).plugin(new CorePlugin(),
            new TestParts()).build();

    /** E(x) = a x^2 / 2 + b x as a lambda: the Ornstein-Uhlenbeck process with mean -b/a and variance T/a. */
    private static final double A = 2.0;
    private static final double B = 1.0;
    private static final Energy OU = Energy.of(x -> 0.5 * A * x[0] * x[0] + B * x[0], (x, g) -> g[0] = A * x[0] + B);

    private static FlowBuilder langevin() {
        return VARFLOW.flow().space("euclidean").set(PartKind.SPACE, "dimension", 1L)
                .set(PartKind.SPACE, "x0", new double[] {2.0})
                .energy("ou", OU).entropy("boltzmann").set(PartKind.ENTROPY, "beta", 2.0)
                .noise("thermal").scheme("euler-maruyama");
    }

    @Test
    void aLambdaEnergySamplesItsGibbsLaw() {
        // Euler-Maruyama's chain x' = (1 - a h) x - b h + sqrt(2 h T) xi is an AR(1) process whose stationary law is
        // N(-b/a, T / (a (1 - a h / 2))): the Gibbs law N(-b/a, T/a) with the scheme's known O(h) bias. At a t = 20
        // the start is forgotten (e^-20). Tolerances: 5 standard errors for N = 20 000 particles.
        int n = 20_000;
        double h = 0.01;
        double temperature = 0.5;
        RunSummary s = langevin().particles(n).time(10).dt(h).seed(11).run();
        double mean = -B / A;
        double variance = temperature / (A * (1 - A * h / 2));
        assertThat(s.state().mean()[0]).isCloseTo(mean, within(5 * Math.sqrt(variance / n)));
        assertThat(s.state().covariance(0, 0)).isCloseTo(variance, within(5 * variance * Math.sqrt(2.0 / (n - 1))));
        assertThat(s.part(PartKind.ENERGY).id()).isEqualTo("ou");
        assertThat(s.particles()).isEqualTo(n);
        assertThat(s.diagnostics().finite()).isTrue();
        assertThat(s.provenance().plugins()).containsKey("java");
    }

    @Test
    void aPresetIsChangedPartByPartAndTheSameSeedGivesTheSameNumbers() {
        Varflow withPreset = Varflow.builder().discover(false).plugin(new CorePlugin(), new TestParts(),
                new org.varflow.api.Plugin() {
                    @Override
                    public String id() {
                        return "presets";
                    }

                    @Override
                    public java.util.Collection<org.varflow.api.Preset> presets() {
                        return List.of(new org.varflow.api.Preset("ou", "an OU process", "dx = -x dt + dW",
                                "Langevin", List.of(), langevin().spec()));
                    }
                }).build();
        RunSummary one = withPreset.preset("ou").energy("ou", OU).particles(500).steps(50).seed(3).threads(1).run();
        RunSummary two = withPreset.preset("ou").energy("ou", OU).particles(500).steps(50).seed(3).threads(4).run();
        assertThat(one.preset()).isEqualTo("ou");
        assertThat(one.state().mean()).containsExactly(two.state().mean());
        assertThat(one.energy()).isEqualTo(two.energy());
    }

    @Test
    void mistakesAreRefusedWhenTheyAreMadeOrWhenTheFlowIsBuilt() {
        assertThatThrownBy(() -> langevin().energy("quadratik")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown energy 'quadratik'").hasMessageContaining("did you mean 'quadratic'");
        assertThatThrownBy(() -> langevin().set(PartKind.ENTROPY, "beta", -1.0))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("entropy 'boltzmann'")
                .hasMessageContaining("beta");
        assertThatThrownBy(() -> langevin().set(PartKind.ENTROPY, "bta", 1.0))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("did you mean 'beta'");
        FlowBuilder cold = langevin().entropy("none");
        assertThatThrownBy(cold::build).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("noise 'thermal' takes its temperature from the entropy part");
        assertThatThrownBy(cold::start).as("refused before any thread starts")
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> VARFLOW.flow().energy("quadratic").run()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("the flow has no space part");
    }

    @Test
    void instancesOfEveryPartKindAreCheckedAndUsed() {
        // K = 2 I given as an instance: gradient descent on |x|^2/2 contracts by (1 - 2h) per step
        ConstantMetric twice = new ConstantMetric() {
            @Override
            public void raise(double[] x, double[] covector, double[] out) {
                for (int i = 0; i < x.length; i++) {
                    out[i] = 2 * covector[i];
                }
            }
        };
        Energy half = Energy.of(x -> 0.5 * x[0] * x[0], (x, g) -> g[0] = x[0]);
        RunSummary s = VARFLOW.flow().space("euclidean").set(PartKind.SPACE, "dimension", 1L)
                .metric("twice", twice).energy("half", half).steps(10).dt(0.1).run();
        assertThat(s.state().mean()[0]).isCloseTo(Math.pow(0.8, 10), within(1e-14));
        assertThat(s.part(PartKind.METRIC).id()).isEqualTo("twice");
        assertThat(s.diagnostics().energyIncreases()).hasValue(0L);
    }

    @Test
    void observersAttachedFromJavaReportInTheSummary() {
        RunSummary s = langevin().particles(10).steps(20).every(5).observer("looks", Counter::new).run();
        assertThat(s.observer("looks").number("count")).hasValue(5.0); // steps 0, 5, 10, 15, 20
    }

    @Test
    void listenersSeeEveryObservationInOrder() {
        List<Frame> frames = new ArrayList<>();
        RunSummary s = langevin().particles(300).steps(40).every(10).frameParticles(100).listener(frames::add)
                .run();
        assertThat(frames).extracting(Frame::step).containsExactly(0L, 10L, 20L, 30L, 40L);
        assertThat(frames).allSatisfy(f -> assertThat(f.particles()).isEqualTo(100));
        assertThat(frames.get(4).energy()).isEqualTo(s.energy());
        assertThat(frames.get(0).coordinate(0, 0)).isEqualTo(2.0);
    }

    @Test
    void aStartedRunStreamsFramesAndStopsEarlyWhenAsked() {
        try (FlowRun run = langevin().particles(2_000).steps(200_000).every(100).threads(2).start()) {
            long last = -1;
            int seen = 0;
            for (Frame f : run.frames()) {
                assertThat(f.step()).isGreaterThan(last);
                last = f.step();
                if (++seen == 5) {
                    run.stop();
                }
            }
            RunSummary s = run.summary();
            assertThat(s.diagnostics().stoppedEarly()).isTrue();
            assertThat(s.steps()).isLessThan(200_000L).isGreaterThanOrEqualTo(last);
            assertThat(run.isDone()).isTrue();
        }
    }

    @Test
    void aRunThatDivergesFailsItsHandleWithTheMessage() {
        FlowRun run = VARFLOW.flow().space("euclidean").energy("quadratic").set(PartKind.ENERGY, "diag",
                new double[] {100.0}).dt(0.5).steps(1000).start();
        assertThatThrownBy(run::summary).isInstanceOf(org.varflow.api.NumericalException.class)
                .hasMessageContaining("diverged");
    }

    @Test
    void theSummaryAsJsonHasTheTypedFiguresInTheirPlaces() {
        RunSummary s = langevin().particles(50).steps(5).run();
        Map<String, Object> m = s.toMap();
        assertThat(m).containsEntry("steps", 5L).containsEntry("particles", 50).containsEntry("energy", s.energy());
        assertThat(s.toJson()).contains("\"freeEnergyMethod\" : \"gaussian-entropy-estimate\"").endsWith("\n");
        assertThat(s.diagnostics().maxDissipationViolation()).isNaN(); // stochastic: not defined
        assertThat(m.get("diagnostics")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("maxDissipationViolation", null).containsEntry("energyIncreases", null);
    }

    /** Counts the observations it sees. */
    static final class Counter implements Observer {
        private int count;

        @Override
        public void observe(Snapshot snapshot) {
            count++;
        }

        @Override
        public Map<String, Object> summary() {
            return Map.of("count", count);
        }
    }
}
