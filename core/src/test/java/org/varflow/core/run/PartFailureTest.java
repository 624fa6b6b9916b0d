package org.varflow.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.varflow.Varflow;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.PartFailureException;
import org.varflow.api.PartKind;
import org.varflow.api.Plugin;
import org.varflow.api.Space;
import org.varflow.core.testing.TestParts;

/**
 * A part that throws, recurses without end or misses a class is named — part, plugin, jar, step and time — whether it
 * fails inside a step, while the run is observed, or while it is built; the original failure is the cause.
 */
class PartFailureTest {
    /** Fails in {@code where} ("gradient", "value", "recursion", "linkage", "create") from the 4th call on. */
    static final class FaultyEnergyFactory implements EnergyFactory {
        @Override
        public String id() {
            return "faulty";
        }

        @Override
        public String summary() {
            return "an energy that fails on purpose";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(Parameter.choice("where", List.of("gradient", "value", "recursion", "linkage", "create",
                    "create-recursion"), "where it fails"));
        }

        @Override
        public Energy create(Parameters p, Space space) {
            String where = p.text("where");
            if (where.equals("create")) {
                throw new IllegalStateException("boom in create");
            }
            if (where.equals("create-recursion")) {
                return create(p, space);
            }
            return new Faulty(where);
        }
    }

    static final class Faulty implements Energy {
        private final String where;
        private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        Faulty(String where) {
            this.where = where;
        }

        @Override
        public double value(double[] x) {
            if (where.equals("value") && calls.incrementAndGet() > 1) {
                throw new IllegalArgumentException("boom in value");
            }
            return 0.5 * x[0] * x[0];
        }

        @Override
        public void gradient(double[] x, double[] out) {
            if (!where.equals("value") && calls.incrementAndGet() > 3) {
                switch (where) {
                    case "recursion" -> recurse(x, 0);
                    case "linkage" -> throw new NoClassDefFoundError("com/acme/Missing");
                    default -> throw new RuntimeException("boom in gradient");
                }
            }
            out[0] = x[0];
        }

        private double recurse(double[] x, int depth) {
            // no stack reaches the bound: this overflows, as a plugin's runaway recursion does
            return depth == Integer.MAX_VALUE ? x[0] : recurse(x, depth + 1) + 1;
        }
    }

    /** A metric whose raise throws a NullPointerException from inside (a bug). */
    static final class BrokenMetricFactory implements MetricFactory {
        @Override
        public String id() {
            return "broken";
        }

        @Override
        public String summary() {
            return "a metric with a bug";
        }

        @Override
        public java.util.Set<String> spaces() {
            return java.util.Set.of(Space.EUCLIDEAN);
        }

        @Override
        public Metric create(Parameters p, Space space) {
            return (x, covector, out) -> {
                String missing = null;
                out[0] = covector[0] * missing.length();
            };
        }
    }

    static final class FaultyPlugin implements Plugin {
        @Override
        public String id() {
            return "acme-faulty";
        }

        @Override
        public Collection<EnergyFactory> energies() {
            return List.of(new FaultyEnergyFactory());
        }

        @Override
        public Collection<MetricFactory> metrics() {
            return List.of(new BrokenMetricFactory());
        }
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("gradient", "euclidean", "energy 'faulty'", "at step 3 (t = 0.0200000 -> 0.0300000),"
                        + " particle 0, in PartFailureTest$Faulty.gradient: java.lang.RuntimeException: boom in"
                        + " gradient"),
                Arguments.of("recursion", "euclidean", "energy 'faulty'", "StackOverflowError (it called itself"
                        + " without end)"),
                Arguments.of("linkage", "euclidean", "energy 'faulty'", "java.lang.NoClassDefFoundError:"
                        + " com/acme/Missing"),
                Arguments.of("value", "euclidean", "energy 'faulty'",
                        "failed at step 5 (t = 0.0500000), while it was observed, in PartFailureTest$Faulty.value"),
                Arguments.of("gradient", "broken", "metric 'broken'", "java.lang.NullPointerException"),
                Arguments.of("create-recursion", "euclidean", "energy 'faulty'", "failed while it was built:"
                        + " StackOverflowError"));
    }

    @ParameterizedTest(name = "{0} with metric {1}")
    @MethodSource("failures")
    void theFailingPartIsNamedWithItsPluginJarAndPlace(String where, String metric, String part, String detail) {
        Varflow varflow = Varflow.of(List.of(new org.varflow.core.CorePlugin(), new TestParts(), new FaultyPlugin()));
        assertThatThrownBy(() -> varflow.flow().space("euclidean").set(PartKind.SPACE, "dimension", 1L)
                .metric(metric).energy("faulty").set(PartKind.ENERGY, "where", where).entropy("none").noise("none")
                .scheme("euler").dt(0.01).steps(20).every(5).threads(1).run())
                .isInstanceOf(PartFailureException.class)
                .satisfies(e -> {
                    PartFailureException f = (PartFailureException) e;
                    assertThat(f.getMessage()).startsWith(part + " (plugin acme-faulty ").contains(detail)
                            .contains("test-classes").contains("not in your input").hasSizeLessThan(1200);
                    assertThat(f.plugin()).isEqualTo("acme-faulty");
                    assertThat(f.getCause()).isNotNull();
                });
    }
}
