package org.varflow.models.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.Varflow;

/**
 * The seed figure "Hamiltonian vs gradient flow" through real runs: one H(q, p) = q^2/2 + p^2/2 on phase space,
 * closed orbits under J (hamiltonian, leapfrog), convergence under K = I (gradient-flow-phase), and core's explicit
 * Euler integrating J through the flow's drift.
 */
class PhaseSpacePresetsTest {

    @Test
    void hamiltonianPresetOrbitsOnAClosedCurve() {
        FlowSpec spec = SamplingRuns.preset("hamiltonian");
        double h = spec.dt();
        List<double[]> path = SamplingRuns.trajectory(spec);
        int signChanges = 0;
        for (int k = 1; k < path.size(); k++) {
            double[] x = path.get(k);
            double energy = 0.5 * (x[0] * x[0] + x[1] * x[1]);
            // H_k - H_0 = (h^2/8)(q_k^2 - 1) exactly (modified energy of leapfrog), so in [-h^2/8, 0]
            assertThat(energy - 0.5).isBetween(-h * h / 8 - 1e-13, 1e-13);
            // the orbit: q^2 + p^2 in [1 - h^2/4, 1], an ellipse next to the unit circle
            double r2 = x[0] * x[0] + x[1] * x[1];
            assertThat(r2).isBetween(1 - h * h / 4 - 1e-13, 1 + 1e-13);
            if (Math.signum(x[0]) != Math.signum(path.get(k - 1)[0])) {
                signChanges++;
            }
        }
        // 1000 steps of 0.1 at the modified frequency (2/h) asin(h/2) = 1.0004: 15.9 turns, two crossings each
        assertThat(signChanges).isBetween(31, 32);
        Varflow.Outcome out = SamplingRuns.run(spec);
        assertThat(SamplingRuns.<Double>get(out.summary().toMap(), "energy")).isCloseTo(0.5, within(h * h / 8));
        // J does no work: the dissipation check has nothing to compare (D = <dH, K dH> = 0)
        assertThat(SamplingRuns.<Object>get(out.summary().toMap(), "diagnostics", "maxDissipationViolation")).isNull();
    }

    @Test
    void gradientFlowOfTheSameHamiltonianConverges() {
        FlowSpec spec = SamplingRuns.preset("gradient-flow-phase");
        List<double[]> path = SamplingRuns.trajectory(spec.withSteps(200));
        double previous = Double.POSITIVE_INFINITY;
        for (int k = 0; k < path.size(); k++) {
            double[] x = path.get(k);
            // explicit Euler on q' = -q: q_k = 0.9^k, p stays 0
            assertThat(x[0]).isCloseTo(Math.pow(0.9, k), within(1e-14));
            assertThat(x[1]).isZero();
            double energy = 0.5 * x[0] * x[0];
            assertThat(energy).isLessThan(previous);
            previous = energy;
        }
        Varflow.Outcome out = SamplingRuns.run(spec);
        assertThat(SamplingRuns.<Double>get(out.summary().toMap(), "energy")).isLessThan(1e-90);
        assertThat(SamplingRuns.<Long>get(out.summary().toMap(), "diagnostics", "energyIncreases")).isZero();
    }

    @Test
    void explicitEulerIntegratesJButGainsEnergy() {
        // core's euler evaluates -K dH + J dH; on the oscillator each step multiplies H by exactly 1 + h^2
        FlowSpec spec = SamplingRuns.preset("hamiltonian").withPart(PartKind.SCHEME, "euler").withSteps(100);
        List<double[]> path = SamplingRuns.trajectory(spec);
        double[] x = path.get(100);
        double energy = 0.5 * (x[0] * x[0] + x[1] * x[1]);
        assertThat(energy).isCloseTo(0.5 * Math.pow(1.01, 100), within(1e-12));
    }

    @Test
    void energiesOnRnAreLiftedToPhaseSpace() {
        // rosenbrock (d >= 2) and a full matrix A, written for R^2, on the 4-dimensional phase space over R^2
        FlowSpec spec = SamplingRuns.preset("hamiltonian")
                .withPart(PartKind.SPACE, PartChoice.of("phase-space").with("dimension", 2).with("q0", "0.5,1.5")
                        .with("p0", "0.1,-0.2").with("mass", 2.0))
                .withPart(PartKind.ENERGY, PartChoice.of("quadratic").with("A", "2,1;1,3")).withSteps(50);
        Varflow.Outcome out = SamplingRuns.run(spec);
        double h0 = 0.5 * (2 * 0.25 + 2 * 0.5 * 1.5 + 3 * 2.25) + (0.01 + 0.04) / 4;
        assertThat(SamplingRuns.<Double>get(out.summary().toMap(), "energyInitial")).isCloseTo(h0, within(1e-14));
        assertThat(SamplingRuns.<Double>get(out.summary().toMap(), "energy")).isCloseTo(h0, within(0.02 * h0));
        Varflow.Outcome banana = SamplingRuns.run(spec.withPart(PartKind.ENERGY, "rosenbrock").withDt(1e-3));
        assertThat(SamplingRuns.<Boolean>get(banana.summary().toMap(), "diagnostics", "finite")).isTrue();
    }

    @Test
    void incompatibleCompositionsAreRefusedBeforeRunning() {
        FlowSpec hamiltonian = SamplingRuns.preset("hamiltonian");
        // leapfrog is deterministic: no thermal noise
        assertThatThrownBy(() -> SamplingRuns.VARFLOW.assemble(hamiltonian
                .withPart(PartKind.ENTROPY, PartChoice.of("boltzmann")).withPart(PartKind.NOISE, "thermal")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("scheme 'leapfrog' is deterministic")
                .hasMessageContaining("baoab");
        // phase-space metrics and schemes need phase space
        assertThatThrownBy(() -> SamplingRuns.VARFLOW.assemble(SamplingRuns.preset("langevin")
                .withPart(PartKind.METRIC, "symplectic"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("does not work on space 'euclidean'");
        // MALA's constant-K requirement is checked when the run starts (the scheme cannot see the metric earlier)
        assertThatThrownBy(() -> SamplingRuns.run(SamplingRuns.preset("langevin")
                .withPart(PartKind.METRIC, "test-mobility").withPart(PartKind.SCHEME, "mala")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("constant metric");
        // the minibatch scheme needs a finite-sum energy
        assertThatThrownBy(() -> SamplingRuns.run(SamplingRuns.preset("langevin")
                .withPart(PartKind.SCHEME, "minibatch"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("finite-sum energy");
    }
}
