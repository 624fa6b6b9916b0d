package org.varflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.varflow.Varflow;
import org.varflow.api.Energy;
import org.varflow.api.Entropy;
import org.varflow.api.Metric;
import org.varflow.api.Noise;
import org.varflow.api.Parameters;
import org.varflow.api.SchemeFactory;
import org.varflow.api.Space;
import org.varflow.testkit.CheckResult;
import org.varflow.testkit.Checks;
import org.varflow.testkit.EnergyContract;
import org.varflow.testkit.EntropyContract;
import org.varflow.testkit.MetricContract;
import org.varflow.testkit.NoiseContract;
import org.varflow.testkit.SchemeContract;
import org.varflow.testkit.SpaceContract;

/**
 * The parts of docs/part-authors.md under the check kit's JUnit 5 contracts, one per kind: each check runs as one
 * test. Then the half-plane in a run: the Langevin sampler with the hyperbolic metric samples the Gibbs law.
 */
class PartContractsTest {
    static final Space PLANE = new HalfPlane.UpperHalfPlane(0.3, 1.0);
    static final Space R2 = new Space() {
        @Override
        public String kind() {
            return EUCLIDEAN;
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double[] initialState() {
            return new double[] {-1.2, 1};
        }
    };

    // tag::space-contract[]
    @Nested
    class HalfPlaneSpace extends SpaceContract {
        @Override
        protected Space space() {
            return PLANE;
        }

        @Override
        protected Metric metric() {                       // its retraction walks the space for sample points
            return HalfPlane.Hyperbolic.INSTANCE;
        }
    }
    // end::space-contract[]

    // tag::metric-contract[]
    @Nested
    class HyperbolicMetric extends MetricContract {
        @Override
        protected Metric metric() {
            return HalfPlane.Hyperbolic.INSTANCE;
        }

        @Override
        protected Space space() {
            return PLANE;
        }
    }
    // end::metric-contract[]

    // tag::energy-contract[]
    @Nested
    class BananaEnergy extends EnergyContract {
        @Override
        protected Energy energy() {
            return new Banana(10);
        }

        @Override
        protected Space space() {
            return R2;                                        // R^2 from (-1.2, 1)
        }
    }
    // end::energy-contract[]

    // tag::noise-contract[]
    @Nested
    class NoiseOnTheHalfPlane extends NoiseContract {
        @Override
        protected Noise noise() {
            return IsotropicNoise.INSTANCE;
        }

        @Override
        protected Metric metric() {                       // position-dependent: S and div K matter
            return HalfPlane.Hyperbolic.INSTANCE;
        }

        @Override
        protected Space space() {
            return PLANE;
        }

        @Override
        protected Entropy entropy() {                     // T = 1/4 (and 1 at four times it)
            return () -> 4.0;
        }
    }
    // end::noise-contract[]

    // tag::entropy-contract[]
    @Nested
    class Cooling extends EntropyContract {
        @Override
        protected Entropy entropy() {
            return new CosineSchedule(1.0, 0.05, 20);
        }
    }
    // end::entropy-contract[]

    // tag::scheme-contract[]
    @Nested
    class HeunScheme extends SchemeContract {
        @Override
        protected SchemeFactory factory() {
            return new Heun();
        }
    }
    // end::scheme-contract[]

    @Test
    void theChecksApiReportsEveryCheck() {
        // tag::checks-api[]
        List<CheckResult> results = Checks.metric(HalfPlane.Hyperbolic.INSTANCE, PLANE);
        for (CheckResult r : results) {
            System.out.println(r);                        // name: PASS figure (allowed ...) [at where]
        }
        boolean ok = !Checks.failed(results);             // warnings and skips do not fail
        // end::checks-api[]
        assertThat(ok).isTrue();
        assertThat(results).extracting(CheckResult::name).contains("stochastic retraction: Ito-consistent noise step",
                "states stay on the space");
        List<CheckResult> heun = Checks.scheme(new Heun(), Parameters.resolve("scheme 'heun'", List.of(), Map.of()));
        assertThat(heun.get(0).worst()).contains("order 2.0");
    }

    /*
     * Langevin on the half-plane with K = y^2 I at T = 1 and E = x^2/2y^2 + (ln y)^2/2. The Gibbs law exp(-E) dx dy
     * has x | y ~ N(0, y^2), so y has the density y exp(-(ln y)^2/2) and u = ln y the density exp(2u - u^2/2): N(2, 1).
     * In u the mean drift is 2 - u (Ito: du = dy/y - dt), relaxing at rate 1 from u = 0: after t = 10 E[u] = 2 to
     * 1e-4. 5000 particles: 5 standard errors 0.071, plus 0.03 for Euler-Maruyama's O(h) bias at h = 0.01. With the
     * first-order retraction y e^{v/y} the extra drift T y would move E[u] to 3.
     */
    @Test
    void theHalfPlaneSamplesItsGibbsLaw() {
        assertThat(HalfPlaneRun.meanLogHeight()).isBetween(2 - 0.101, 2 + 0.101);
    }

    /** Keeps the check kit's own sample on the docs page honest: nothing here is left unchecked. */
    @Test
    void everyExampleIsUsedByAVarflow() {
        Varflow v = Varflow.builder().plugin(new HalfPlane.HalfPlanePlugin()).build();
        assertThat(v.registry().factories(org.varflow.api.PartKind.SPACE)).containsKey("half-plane");
    }
}
