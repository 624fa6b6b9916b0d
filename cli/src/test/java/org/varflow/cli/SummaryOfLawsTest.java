package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * What the summary says about flows whose state is a whole law or that conserve their energy: the number of particles
 * of an ensemble state, the free energy its observer computes, and the energy drift of a conservative flow instead of
 * the gradient-flow count of energy increases.
 */
class SummaryOfLawsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode run(String... args) throws Exception {
        CliRunner r = CliRunner.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void anEnsembleStateReportsItsParticlesAndItsFreeEnergy() throws Exception {
        JsonNode s = run("run", "svgd", "--steps", "20", "-q");
        assertThat(s.get("particles").asInt()).isEqualTo(s.at("/parts/space/params/n").asInt()).isEqualTo(100);
        assertThat(s.at("/spec/particles").asInt()).as("the ensemble is one state").isEqualTo(1);
        assertThat(s.get("freeEnergy").asDouble()).isEqualTo(s.at("/observers/free-energy/final").asDouble());
        assertThat(s.get("freeEnergyInitial").asDouble()).isEqualTo(s.at("/observers/free-energy/initial")
                .asDouble());
        assertThat(s.get("freeEnergyMethod").asText()).contains("kernel-density", "observer free-energy");
    }

    @Test
    void aGridDensityReportsTheFreeEnergyItsObserverComputes() throws Exception {
        // Fokker-Planck for V = x^2/2 at T = 1 relaxes to N(0, 1), whose free energy is -T log Z = -log(2 pi)/2
        JsonNode s = run("run", "fokker-planck", "-q");
        assertThat(s.get("particles").asInt()).isEqualTo(1);
        assertThat(s.get("freeEnergy").asDouble()).isCloseTo(-0.5 * Math.log(2 * Math.PI), within(1e-3));
        assertThat(s.get("freeEnergyMethod").asText()).contains("grid quadrature");
    }

    @Test
    void independentParticlesKeepTheirCountAndEstimate() throws Exception {
        JsonNode s = run("run", "langevin", "--particles", "500", "--steps", "20", "-q");
        assertThat(s.get("particles").asInt()).isEqualTo(500);
        assertThat(s.get("freeEnergyMethod").asText()).isEqualTo("gaussian-entropy-estimate");
    }

    @Test
    void aConservativeFlowReportsItsEnergyDriftNotIncreases() throws Exception {
        // leapfrog on H = (q^2 + p^2)/2 from (1, 0), h = 0.1: the energy error is bounded by h^2 H0 / 4
        JsonNode s = run("run", "hamiltonian", "-q");
        JsonNode d = s.get("diagnostics");
        assertThat(d.get("energyIncreases").isNull()).isTrue();
        double h = s.get("dt").asDouble();
        assertThat(d.get("energyDrift").asDouble()).isPositive().isLessThanOrEqualTo(h * h * 0.5 / 4 * 1.0001);
        // with friction it dissipates: increases are counted again and there is no drift
        JsonNode damped = run("run", "heavy-ball", "--steps", "50", "-q").get("diagnostics");
        assertThat(damped.get("energyIncreases").isNumber()).isTrue();
        assertThat(damped.has("energyDrift")).isFalse();
    }
}
