package org.varflow.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.varflow.RunSummary;
import org.varflow.Varflow;
import org.varflow.api.ConstrainedSpace;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.FlowSpec;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.NumericalException;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.api.Parameters;
import org.varflow.api.Plugin;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;
import org.varflow.core.CorePlugin;
import org.varflow.core.testing.Flows;
import org.varflow.core.testing.TestParts;

/**
 * States that leave a {@link ConstrainedSpace} end the run like a divergence: the upper half-plane {y &gt; 0} with a
 * retraction x + v that can leave it.
 */
class SpaceConstraintTest {
    private static final Varflow VARFLOW = Varflow.of(List.of(new CorePlugin(), new TestParts(), new HalfPlane()));

    /** The half-plane, K = k(y) I with k = 1 ({@code flat}) or y^2 (hyperbolic), x + v, E = c y. */
    private static FlowSpec spec(String metric, double c, double dt, long steps) {
        Map<PartKind, PartChoice> parts = new EnumMap<>(PartKind.class);
        parts.put(PartKind.SPACE, PartChoice.of("half-plane"));
        parts.put(PartKind.METRIC, PartChoice.of(metric));
        parts.put(PartKind.ENERGY, PartChoice.of("height").with("c", c));
        parts.put(PartKind.ENTROPY, PartChoice.of("none"));
        parts.put(PartKind.NOISE, PartChoice.of("none"));
        parts.put(PartKind.SCHEME, PartChoice.of("euler"));
        return new FlowSpec(null, parts, steps, null, dt, 1L, 1, null);
    }

    /*
     * Brownian motion from y = 1 at T = 1 (E = 0, K = I): y_t = 1 + sqrt(2) W_t, below 0 at t = 0.5 with probability
     * Phi(-1) = 0.16, so among 2000 particles some leave within 50 steps of 0.01.
     */
    @Test
    void aNoisyRunThatLeavesStopsNamingTheStepParticleCoordinateAndParts() {
        FlowSpec spec = spec("flat-plane", 0, 0.01, 50)
                .withPart(PartKind.ENTROPY, PartChoice.of("boltzmann").with("beta", 1.0))
                .withPart(PartKind.NOISE, "thermal").withPart(PartKind.SCHEME, "euler-maruyama").withParticles(2000);

        assertThatThrownBy(() -> VARFLOW.run(spec, new RunControl(1), null))
                .isInstanceOf(NumericalException.class)
                .hasMessageContaining("the state left the space at step ")
                .hasMessageMatching("(?s).*particle \\d+ has y = -[0-9.E-]+ \\(y > 0\\).*")
                .hasMessageContaining("space 'half-plane'")
                .hasMessageContaining("scheme 'euler-maruyama'")
                .hasMessageContaining("metric 'flat-plane' (its retraction moves the state)")
                .hasMessageContaining("noise 'thermal'")
                .hasMessageContaining("varflow check flat-plane");
    }

    /*
     * y' = -y^2 (K = y^2, E = y) from y = 1 stays positive (y = 1/(1 + t)), but an Euler step y - h y^2 with h = 1.5
     * lands at -0.5: the run stops at step 1, or with halving goes back once and continues with h = 0.75
     * (y_1 = 0.25, then positive for ever).
     */
    @Test
    void aDeterministicRunThatLeavesStopsOrHalves() {
        FlowSpec spec = spec("hyperbolic-plane", 1, 1.5, 4);

        assertThatThrownBy(() -> VARFLOW.run(spec, new RunControl(1), null))
                .isInstanceOf(NumericalException.class)
                .hasMessageContaining("at step 1 (t = 0.00000 -> 1.50000)")
                .hasMessageContaining("particle 0 has y = -0.5 (y > 0)")
                .hasMessageContaining("Last state inside: [0.0, 1.0]");

        RunSummary halved = VARFLOW.run(spec, new RunControl(1).onDivergence(RunControl.OnDivergence.HALVE), null)
                .summary();
        assertThat(halved.diagnostics().constraintViolations()).hasValue(1L);
        assertThat(halved.scheme().number("dtHalvings")).hasValue(1.0);
        assertThat(halved.state().mean()[1]).isPositive();
        assertThat(halved.time()).isEqualTo(6.0);
    }

    @Test
    void runsThatStayInsideCountNoViolationsAndUnconstrainedSpacesReportNone() {
        RunSummary inside = VARFLOW.run(spec("hyperbolic-plane", 1, 0.1, 100), new RunControl(1), null).summary();
        assertThat(inside.diagnostics().constraintViolations()).hasValue(0L);
        assertThat(inside.toJson()).contains("\"constraintViolations\" : 0");

        RunSummary plane = VARFLOW.run(Flows.quadratic(2, "1,1", 10, 0.1), new RunControl(1), null).summary();
        assertThat(plane.diagnostics().constraintViolations()).isEmpty();
        assertThat(plane.toJson()).contains("\"constraintViolations\" : null");
    }

    /** The upper half-plane, a metric K = I or y^2 I with the retraction x + v, and E = c y. */
    static final class HalfPlane implements Plugin {
        @Override
        public String id() {
            return "half-plane-test";
        }

        @Override
        public Collection<SpaceFactory> spaces() {
            return List.of(new SpaceFactory() {
                @Override
                public String id() {
                    return "half-plane";
                }

                @Override
                public String summary() {
                    return "the upper half-plane y > 0";
                }

                @Override
                public Space create(Parameters parameters) {
                    return new UpperHalfPlane();
                }
            });
        }

        @Override
        public Collection<MetricFactory> metrics() {
            return List.of(metric("flat-plane", false), metric("hyperbolic-plane", true));
        }

        @Override
        public Collection<EnergyFactory> energies() {
            return List.of(new EnergyFactory() {
                @Override
                public String id() {
                    return "height";
                }

                @Override
                public String summary() {
                    return "E = c y";
                }

                @Override
                public List<org.varflow.api.Parameter> parameters() {
                    return List.of(org.varflow.api.Parameter.real("c", 1, -10, 10, "slope"));
                }

                @Override
                public Energy create(Parameters parameters, Space space) {
                    double c = parameters.real("c");
                    return Energy.of(x -> c * x[1], (x, g) -> {
                        g[0] = 0;
                        g[1] = c;
                    });
                }
            });
        }

        private static MetricFactory metric(String id, boolean hyperbolic) {
            return new MetricFactory() {
                @Override
                public String id() {
                    return id;
                }

                @Override
                public String summary() {
                    return "K = " + (hyperbolic ? "y^2" : "1") + " I, retraction x + v";
                }

                @Override
                public Set<String> spaces() {
                    return Set.of("half-plane");
                }

                @Override
                public Metric create(Parameters parameters, Space space) {
                    return new Metric() {
                        @Override
                        public void raise(double[] x, double[] c, double[] out) {
                            double k = hyperbolic ? x[1] * x[1] : 1;
                            out[0] = k * c[0];
                            out[1] = k * c[1];
                        }

                        @Override
                        public void sqrtRaise(double[] x, double[] xi, double[] out) {
                            double s = hyperbolic ? Math.abs(x[1]) : 1;
                            out[0] = s * xi[0];
                            out[1] = s * xi[1];
                        }

                        @Override
                        public void divergence(double[] x, double[] out) {
                            out[0] = 0;
                            out[1] = hyperbolic ? 2 * x[1] : 0;
                        }
                    };
                }
            };
        }
    }

    /** {y &gt; 0}. */
    static final class UpperHalfPlane implements ConstrainedSpace {
        @Override
        public String kind() {
            return "half-plane";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double[] initialState() {
            return new double[] {0, 1};
        }

        @Override
        public String coordinateName(int i) {
            return i == 0 ? "x" : "y";
        }

        @Override
        public boolean contains(double[] x) {
            return x[1] > 0;
        }

        @Override
        public String constraint() {
            return "y > 0";
        }

        @Override
        public String violation(double[] x) {
            return x[1] > 0 ? null : "y = " + x[1] + " (y > 0)";
        }
    }
}
