package org.varflow.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.geometry.testing.Runs;

/**
 * The Riemannian dissipation identity dE/dt = -&lt;dE, K dE&gt; under every metric of this plugin, on its space. The
 * observer compares E_b - E_a with -(t_b - t_a)(D_a + D_b)/2 per step; for explicit Euler the mismatch is the
 * scheme's local error, about (h/2) |D'/D| relative, so the identity shows as a violation that is small at
 * h = 1e-3 (below 0.05 here) and halves with h (ratio in [1.6, 2.4]): it tends to zero with the step, which a
 * wrong K (or a K inconsistent with the retraction) would not do. (For a linear cost on the simplex the entropy
 * metric's Euler step with its exponential retraction is exact, and only the trapezoid rule's O(h^2) is left; the
 * Poisson likelihood is used here instead.) The Dormand-Prince runs of the SPD fields are in SpdFieldTest
 * (violation O(dt^2)).
 */
class DissipationTest {

    static Stream<Arguments> flows() {
        return Stream.of(
                Arguments.of("sphere", PartChoice.of("sphere").with("dimension", 4).with("x0", "1,2,3,4"),
                        PartChoice.of("sphere"),
                        PartChoice.of("test-rayleigh").with("A", "4,1,0,0;1,3,0,0;0,0,2,0.5;0,0,0.5,1")),
                Arguments.of("sphere exp", PartChoice.of("sphere").with("dimension", 4).with("x0", "1,2,3,4"),
                        PartChoice.of("sphere").with("retraction", "exp"),
                        PartChoice.of("test-rayleigh").with("A", "4,1,0,0;1,3,0,0;0,0,2,0.5;0,0,0.5,1")),
                Arguments.of("poincare", PartChoice.of("poincare-ball").with("dimension", 2).with("x0", "0.5,-0.6"),
                        PartChoice.of("poincare"), PartChoice.of("test-hyperbolic-origin")),
                Arguments.of("mirror neg-entropy simplex", PartChoice.of("simplex").with("dimension", 4)
                        .with("x0", "0.1,0.2,0.3,0.4"), PartChoice.of("mirror"), PartChoice.of("test-poisson")),
                Arguments.of("mirror burg orthant", PartChoice.of("positive-orthant").with("dimension", 3)
                        .with("x0", "0.5,1,4"), PartChoice.of("mirror").with("potential", "burg"),
                        PartChoice.of("test-poisson")),
                Arguments.of("mirror p-norm", PartChoice.of("euclidean").with("dimension", 3).with("x0", "1,-2,0.5"),
                        PartChoice.of("mirror").with("potential", "p-norm"),
                        PartChoice.of("test-quadratic").with("b", "1,0,2")),
                Arguments.of("spd-field", PartChoice.of("euclidean").with("dimension", 3).with("x0", "2,-1,3"),
                        PartChoice.of("spd-field"), PartChoice.of("test-quadratic").with("b", "1,2,-1")),
                Arguments.of("fisher", PartChoice.of("statistical-model").with("dimension", 3).with("x0", "1,-1,2"),
                        PartChoice.of("fisher").with("damping", 0.0), PartChoice.of("test-fisher-quadratic")
                                .with("A", "3,1,0;1,2,0.5;0,0.5,1").with("b", "1,0,-1")),
                Arguments.of("fisher empirical", PartChoice.of("statistical-model").with("dimension", 3)
                        .with("x0", "1,-1,2"), PartChoice.of("fisher").with("damping", 1e-2),
                        PartChoice.of("test-least-squares")),
                Arguments.of("diagonal", PartChoice.of("euclidean").with("dimension", 3).with("x0", "2,-1,3"),
                        PartChoice.of("diagonal").with("k", "2,0.5,1"), PartChoice.of("test-quadratic")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flows")
    void violationShrinksLinearlyWithTheStep(String name, PartChoice space, PartChoice metric, PartChoice energy) {
        FlowSpec coarse = Runs.spec(space, metric, energy, PartChoice.of("euler"), 500, 2e-3);
        FlowSpec fine = Runs.spec(space, metric, energy, PartChoice.of("euler"), 1000, 1e-3);
        double vc = Runs.violation(Runs.run(coarse));
        double vf = Runs.violation(Runs.run(fine));
        System.out.printf("dissipation violation %-28s h = 2e-3: %.3e   h = 1e-3: %.3e   ratio %.3f%n", name, vc, vf,
                vc / vf);
        assertThat(vf).isLessThan(0.05);
        assertThat(vc / vf).isBetween(1.6, 2.4);
    }
}
