package org.varflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The values a composition is made of: specs, typed kinds, requirements, names, the flow's drift. */
class CompositionTest {

    private static FlowSpec spec() {
        Map<PartKind, PartChoice> parts = new EnumMap<>(PartKind.class);
        for (PartKind k : PartKind.values()) {
            parts.put(k, PartChoice.of("p-" + k.label()));
        }
        return new FlowSpec(null, parts, 10L, null, 0.1, 1, 1, null);
    }

    @Test
    void specsAreValidatedWhenMadeAndChangedByCopy() {
        FlowSpec s = spec();
        assertThat(s.stepCount()).isEqualTo(10);
        assertThat(s.withTime(1.0).stepCount()).isEqualTo(10); // 1.0 / 0.1 within rounding
        assertThat(s.withTime(1.05).stepCount()).isEqualTo(11);
        assertThat(s.withParam(PartKind.ENERGY, "a", 2).part(PartKind.ENERGY).params()).containsEntry("a", 2);
        assertThat(s.withParam(PartKind.ENERGY, "a", 2).withPart(PartKind.ENERGY, "other").part(PartKind.ENERGY)
                .params()).isEmpty();
        assertThatThrownBy(() -> s.withDt(0)).hasMessageContaining("dt = 0.0 is not valid");
        assertThatThrownBy(() -> s.withParticles(0)).hasMessageContaining("particles = 0");
        assertThatThrownBy(() -> s.withSteps(-1)).hasMessageContaining("steps = -1");
        assertThatThrownBy(() -> s.withEvery(0)).hasMessageContaining("every = 0");
        assertThatThrownBy(() -> s.withTime(Double.NaN)).hasMessageContaining("time = NaN");
        Map<PartKind, PartChoice> missing = new EnumMap<>(s.parts());
        missing.remove(PartKind.NOISE);
        assertThatThrownBy(() -> new FlowSpec(null, missing, 1L, null, 0.1, 1, 1, null))
                .hasMessageContaining("the flow has no noise part");
        assertThatThrownBy(() -> PartChoice.of(" ")).hasMessageContaining("must not be empty");
    }

    @Test
    void kindsAndTypedKindsAgree() {
        for (PartKind k : PartKind.values()) {
            assertThat(k.type().kind()).isEqualTo(k);
            assertThat(PartKind.fromLabel(k.label().toUpperCase(java.util.Locale.ROOT))).isEqualTo(k);
        }
        assertThat(PartType.METRIC.factoryClass()).isEqualTo(MetricFactory.class);
        assertThat(PartType.METRIC.partClass()).isEqualTo(Metric.class);
        assertThatThrownBy(() -> PartKind.fromLabel("energys")).hasMessageContaining("unknown part kind");
        Plugin nothing = () -> "nothing";
        assertThat(PartType.SCHEME.providedBy(nothing)).isEmpty();
        assertThat(nothing.version()).isEqualTo("unversioned");
    }

    @Test
    void requirementsCheckTypesAndConditions() {
        Requirement<ConstantMetric> constant = Requirement.of(PartKind.METRIC, ConstantMetric.class, "a constant K");
        FlatMetric flat = new FlatMetric() {
        };
        Metric varying = (x, c, out) -> out[0] = (1 + x[0] * x[0]) * c[0];
        assertThat(constant.isMetBy(flat)).isTrue();
        assertThat(constant.isMetBy(varying)).isFalse();
        Requirement<ConstantMetric> never = constant.and(m -> false, "that is never met");
        assertThat(never.isMetBy(flat)).isFalse();
        assertThat(never.description()).isEqualTo("a constant K that is never met");
        assertThatThrownBy(() -> Requirement.of(PartKind.ENERGY, Metric.class, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        Flow flow = new Flow(space(1), varying, Energy.of(x -> 0, (x, g) -> g[0] = 0), () -> 1.0,
                NoNoise.INSTANCE);
        assertThatThrownBy(() -> constant.get(flow)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("a constant K");
    }

    @Test
    void theDriftIsMinusKGradEPlusJGradE() {
        // E = x^2/2 + y^2/2, K = I, J = [[0, 1], [-1, 0]]: b = -(x, y) + (y, -x)
        PoissonMetric withJ = new PoissonMetric() {
            @Override
            public void raise(double[] x, double[] c, double[] out) {
                out[0] = c[0];
                out[1] = c[1];
            }

            @Override
            public void applyPoisson(double[] x, double[] c, double[] out) {
                out[0] = c[1];
                out[1] = -c[0];
            }
        };
        Energy e = Energy.of(x -> 0.5 * (x[0] * x[0] + x[1] * x[1]), (x, g) -> {
            g[0] = x[0];
            g[1] = x[1];
        });
        Flow flow = new Flow(space(2), withJ, e, () -> Double.POSITIVE_INFINITY, NoNoise.INSTANCE);
        assertThat(flow.isDeterministic()).isTrue();
        double[] out = new double[2];
        flow.drift(new double[] {1, 2}, 0, new double[2], new double[4], out);
        assertThat(out).containsExactly(-1 + 2, -2 - 1);
        // the default Hessian: central differences of the gradient
        double[] h = new double[4];
        e.hessian(new double[] {0.3, -0.7}, h);
        assertThat(h[0]).isCloseTo(1, within(1e-8));
        assertThat(h[1]).isCloseTo(0, within(1e-8));
        assertThat(e.valueAndGradient(new double[] {3, 4}, new double[2])).isEqualTo(12.5);
    }

    @Test
    void thermalNoiseHasCovarianceTwoHTK() {
        // K = 4 (S = 2), h = 0.01, T = 0.5: the increment's variance is 2 h T K = 0.04; 5 SE of 200 000 draws
        Metric four = new ConstantMetric() {
            @Override
            public void raise(double[] x, double[] c, double[] out) {
                out[0] = 4 * c[0];
            }

            @Override
            public void sqrtRaise(double[] x, double[] xi, double[] out) {
                out[0] = 2 * xi[0];
            }
        };
        ThermalNoise noise = new ThermalNoise() {
        };
        java.util.Random random = new java.util.Random(3);
        RandomStream rng = new RandomStream() {
            @Override
            public double nextGaussian() {
                return random.nextGaussian();
            }

            @Override
            public double nextDouble() {
                return random.nextDouble();
            }
        };
        int n = 200_000;
        double sum = 0;
        double[] out = new double[1];
        for (int i = 0; i < n; i++) {
            out[0] = 0;
            noise.addIncrement(new double[] {0.3}, 0.01, 0.5, four, rng, new double[2], out);
            sum += out[0] * out[0];
        }
        assertThat(sum / n).isCloseTo(0.04, within(5 * 0.04 * Math.sqrt(2.0 / n)));
        double[] drift = {1};
        noise.addDriftCorrection(new double[] {0.3}, 0.5, four, new double[2], drift);
        assertThat(drift[0]).as("no Ito correction for a constant metric").isEqualTo(1);
        assertThatThrownBy(() -> noise.addIncrement(new double[1], 0.1, -1, four, rng, new double[2], new double[1]))
                .isInstanceOf(NumericalException.class).hasMessageContaining("temperature");
    }

    @Test
    void nearestNamesForMisspellings() {
        assertThat(Names.nearest("doble-well", List.of("double-well", "quadratic"))).containsExactly("double-well");
        assertThat(Names.suggestion("zzz", List.of("a", "b"))).isEqualTo("; valid: a, b");
        assertThat(StepContext.of(3, 0.3, 0.1).index()).isEqualTo(3);
    }

    private static Space space(int d) {
        return new Space() {
            @Override
            public String kind() {
                return EUCLIDEAN;
            }

            @Override
            public int dimension() {
                return d;
            }

            @Override
            public double[] initialState() {
                return new double[d];
            }
        };
    }
}
