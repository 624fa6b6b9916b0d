package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.Varflow;

/**
 * Every rule between parts is checked when the flow is assembled, before a step is taken: each case below used to
 * fail only when the run created its steppers (or, for the Stein repulsion, at the first noisy step). Assembly
 * alone (no run) must refuse it, with a message that names both parts and what was needed.
 */
class AssemblyRulesTest {
    private static final Varflow VARFLOW = Varflow.discover();

    static Stream<Arguments> clashes() {
        return Stream.of(
                Arguments.of("MALA with a position-dependent metric",
                        swap("mala", PartKind.METRIC, "spd-field"),
                        new String[] {"scheme 'mala' needs a constant metric", "metric 'spd-field' is not one"}),
                Arguments.of("minibatch with an energy that is not a finite sum",
                        swap("sgd", PartKind.ENERGY, "quadratic"),
                        new String[] {"scheme 'minibatch' needs a finite-sum energy", "energy 'quadratic'"}),
                Arguments.of("BAOAB with the gradient metric of phase space",
                        swap("underdamped-langevin", PartKind.METRIC, "phase-gradient"),
                        new String[] {"scheme 'baoab' needs a (damped) Hamiltonian structure",
                            "metric 'phase-gradient' is not one", "[symplectic, underdamped]"}),
                Arguments.of("leapfrog with friction",
                        swap("hamiltonian", PartKind.METRIC, "underdamped"),
                        new String[] {"scheme 'leapfrog' needs a Hamiltonian structure", "without friction",
                            "'baoab'"}),
                Arguments.of("JKO with the Stein metric",
                        swap("jko", PartKind.METRIC, "stein"),
                        new String[] {"scheme 'jko' needs the Wasserstein metric of an ensemble",
                            "metric 'stein' is not one"}),
                Arguments.of("entropic JKO with the Tsallis entropy",
                        swap(swap("porous-medium", PartKind.SCHEME, "entropic-jko"), PartKind.ENTROPY, "tsallis"),
                        new String[] {"scheme 'entropic-jko' needs the Boltzmann entropy", "entropy 'tsallis'"}),
                Arguments.of("the reverse diffusion without a score",
                        swap("diffusion", PartKind.ENERGY, "double-well"),
                        new String[] {"scheme 'reverse-diffusion' needs the energy 'diffusion-score'",
                            "energy 'double-well' is not one"}),
                Arguments.of("the reverse SDE without noise",
                        swap(swap("diffusion", PartKind.NOISE, "none"), PartKind.SCHEME, "reverse-diffusion"),
                        new String[] {"form = sde needs thermal noise"}),
                Arguments.of("Sinkhorn without the dual of entropic OT",
                        swap("schrodinger-bridge", PartKind.ENERGY, "quadratic"),
                        new String[] {"scheme 'sinkhorn' needs the energy 'entropic-ot'"}),
                Arguments.of("the Stein repulsion with a constant metric",
                        swap("svgd", PartKind.METRIC, "wasserstein"),
                        new String[] {"noise 'stein-repulsion' needs a metric that depends on the positions",
                            "metric 'wasserstein' is not one"}),
                Arguments.of("noise without a temperature",
                        swap("langevin", PartKind.ENTROPY, "none"),
                        new String[] {"noise 'thermal' takes its temperature from the entropy part",
                            "entropy 'none'"}),
                Arguments.of("a deterministic scheme with noise",
                        swap("langevin", PartKind.SCHEME, "euler"),
                        new String[] {"scheme 'euler' is deterministic and cannot integrate noise 'thermal'",
                            "euler-maruyama"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clashes")
    void isRefusedWhenTheFlowIsAssembled(String name, FlowSpec spec, String[] words) {
        assertThatThrownBy(() -> VARFLOW.assemble(spec)).as(name).isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(words));
    }

    private static FlowSpec swap(String preset, PartKind kind, String id) {
        return swap(VARFLOW.registry().preset(preset).spec(), kind, id);
    }

    private static FlowSpec swap(FlowSpec spec, PartKind kind, String id) {
        return spec.withPart(kind, PartChoice.of(id));
    }
}
