package org.varflow.models.presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.FlowSpec;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.api.Preset;
import org.varflow.models.ModelsPlugin;
import org.varflow.models.TestSpace;

class MethodPresetsTest {
    /** The energies of this module by id: the only parts of the presets that live here. */
    private static final Map<String, EnergyFactory> ENERGIES = new ModelsPlugin().energies().stream()
            .collect(Collectors.toMap(EnergyFactory::id, f -> f));
    /** The parameter of core's 'euclidean' space the presets set (core is not used here). */
    private static final Parameter DIMENSION = Parameter.integer("dimension", 2, 1, 10_000_000, "d");
    private static final Parameter X0 = Parameter.vector("x0", "1", "start");

    static Stream<Preset> presets() {
        return MethodPresets.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void specIsCompleteAndTextIsThere(Preset preset) {
        FlowSpec spec = preset.spec();
        assertThat(spec.preset()).isEqualTo(preset.id());
        for (PartKind kind : PartKind.values()) {
            assertThat(spec.part(kind)).as(kind.label()).isNotNull();
            assertThat(spec.part(kind).id()).as(kind.label()).isNotBlank();
        }
        assertThat(spec.stepCount()).isPositive();
        assertThat(preset.summary()).isNotBlank();
        assertThat(preset.equation()).contains("grad E");
        assertThat(preset.reducesTo()).hasSizeGreaterThan(200);
        assertThat(preset.references()).isNotEmpty().allSatisfy(r -> assertThat(r).matches(".*\\(\\d{4}\\).*"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void energyParametersResolveAndBuildOnTheSpace(Preset preset) {
        PartChoice energy = preset.spec().part(PartKind.ENERGY);
        EnergyFactory factory = ENERGIES.get(energy.id());
        assertThat(factory).as("energy '%s' lives in this module", energy.id()).isNotNull();
        Parameters params = Parameters.resolve("energy '" + energy.id() + "'", factory.parameters(),
                energy.params());
        int d = dimension(preset.spec());
        Energy e = factory.create(params, new TestSpace(d));
        double[] x0 = start(preset.spec(), d);
        assertThat(e.value(x0)).isFinite();
    }

    @Test
    void gradientDescentIsTheIllConditionedQuadratic() {
        FlowSpec spec = MethodPresets.gradientDescent().spec();
        assertThat(ids(spec)).containsExactly("euclidean", "euclidean", "quadratic", "none", "none", "euler");
        assertThat(spec.part(PartKind.SPACE).params()).containsEntry("dimension", 2).containsEntry("x0", "-1,1");
        assertThat(spec.part(PartKind.ENERGY).params()).containsEntry("diag", "1,4").containsEntry("b", "1,1");
        assertThat(spec.steps()).isEqualTo(500L);
        assertThat(spec.time()).isNull();
        assertThat(spec.dt()).isEqualTo(0.05);
        assertThat(spec.seed()).isEqualTo(1L);
        assertThat(spec.particles()).isEqualTo(1);
        assertThat(spec.every()).isNull();
    }

    @Test
    void gradientDescentReachesTheMinimiserWithItsOwnStepAndLength() {
        // explicit Euler by hand (core is not used here): x <- x - h grad E(x), E decreasing at every step
        FlowSpec spec = MethodPresets.gradientDescent().spec();
        Energy e = energyOf(spec);
        double[] x = start(spec, 2);
        double[] g = new double[2];
        double previous = e.value(x);
        for (long k = 0; k < spec.stepCount(); k++) {
            e.gradient(x, g);
            for (int i = 0; i < 2; i++) {
                x[i] -= spec.dt() * g[i];
            }
            double now = e.value(x);
            // never increases, up to rounding in E near its minimum (a few ulps of |E| ~ 0.6)
            assertThat(now).isLessThanOrEqualTo(previous + 1e-15);
            previous = now;
        }
        // x* = A^-1 b = (1, 0.25); the error contracts by (1 - h lambda) = 0.95 and 0.8 per step
        assertThat(x[0]).isCloseTo(1.0, within(1e-8));
        assertThat(x[1]).isCloseTo(0.25, within(1e-8));
        assertThat(previous).isCloseTo(-0.625, within(1e-12));
    }

    @Test
    void langevinIsOrnsteinUhlenbeckAtBetaOne() {
        FlowSpec spec = MethodPresets.langevin().spec();
        assertThat(ids(spec)).containsExactly("euclidean", "euclidean", "quadratic", "boltzmann", "thermal",
                "euler-maruyama");
        assertThat(spec.part(PartKind.SPACE).params()).containsEntry("dimension", 1).containsEntry("x0", "1");
        assertThat(spec.part(PartKind.ENTROPY).params()).containsEntry("beta", 1.0);
        assertThat(spec.part(PartKind.NOISE).params()).isEmpty();
        assertThat(spec.steps()).isNull();
        assertThat(spec.time()).isEqualTo(5.0);
        assertThat(spec.stepCount()).isEqualTo(500L);
        assertThat(spec.dt()).isEqualTo(0.01);
        assertThat(spec.seed()).isEqualTo(42L);
        assertThat(spec.particles()).isEqualTo(10_000);
        assertThat(spec.every()).isNull();
        // E(x) = x^2 / 2: the OU drift -x
        Energy e = energyOf(spec);
        double[] g = new double[1];
        e.gradient(new double[] {1.5}, g);
        assertThat(g[0]).isEqualTo(1.5);
        assertThat(e.value(new double[] {1.5})).isEqualTo(1.125);
    }

    @Test
    void theNumbersQuotedForLangevinAreThoseOfTheEulerMaruyamaChain() {
        // x_{k+1} = (1 - h) x_k + sqrt(2 h / beta) xi_k from x0 = 1: mean (1-h)^n, variance
        // (1/beta) / (1 - h/2) * (1 - (1-h)^{2n}); stationary bias factor 1 / (1 - h/2)
        Preset preset = MethodPresets.langevin();
        double h = preset.spec().dt();
        long n = preset.spec().stepCount();
        double mean = Math.pow(1 - h, (double) n);
        double variance = 1 / (1 - h / 2) * (1 - Math.pow(1 - h, 2.0 * n));
        assertThat(String.format("%.4f", mean)).isEqualTo("0.0066");
        assertThat(String.format("%.3f", variance)).isEqualTo("1.005");
        assertThat(preset.reducesTo()).contains("0.0066").contains("1.005").contains("(1/beta) / (1 - h/2)")
                .contains("N(0, 1/beta)").contains("exp(-beta E) / Z");
    }

    private static Stream<String> idsStream(FlowSpec spec) {
        return Stream.of(PartKind.values()).map(k -> spec.part(k).id());
    }

    private static java.util.List<String> ids(FlowSpec spec) {
        return idsStream(spec).toList();
    }

    private static Energy energyOf(FlowSpec spec) {
        PartChoice energy = spec.part(PartKind.ENERGY);
        EnergyFactory factory = ENERGIES.get(energy.id());
        return factory.create(Parameters.resolve("energy", factory.parameters(), energy.params()),
                new TestSpace(dimension(spec)));
    }

    private static int dimension(FlowSpec spec) {
        Object raw = spec.part(PartKind.SPACE).params().get("dimension");
        return (int) (long) (Long) DIMENSION.parse(raw == null ? DIMENSION.defaultValue() : raw);
    }

    private static double[] start(FlowSpec spec, int d) {
        Object raw = spec.part(PartKind.SPACE).params().get("x0");
        double[] x0 = (double[]) X0.parse(raw == null ? X0.defaultValue() : raw);
        if (x0.length == 1 && d > 1) {
            double[] full = new double[d];
            java.util.Arrays.fill(full, x0[0]);
            return full;
        }
        assertThat(x0).hasSize(d);
        return x0;
    }
}
