package org.varflow.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.varflow.Varflow;
import org.varflow.api.ConvergenceOrder;
import org.varflow.api.Flow;
import org.varflow.api.FlowSpec;
import org.varflow.api.NumericalException;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.api.Noise;
import org.varflow.api.NoiseFactory;
import org.varflow.api.Parameters;
import org.varflow.api.Plugin;
import org.varflow.api.Scheme;
import org.varflow.api.SchemeFactory;
import org.varflow.api.Space;
import org.varflow.api.StochasticSchemeFactory;
import org.varflow.api.ThermalNoise;
import org.varflow.core.CorePlugin;
import org.varflow.core.scheme.EulerMaruyamaFactory;
import org.varflow.core.testing.Flows;
import org.varflow.core.testing.TestParts;

/**
 * A block whose stepper is a {@link Scheme.BlockStepper} steps its particles in place, in runs; the result must be
 * bitwise the run of the same stepper called particle by particle, and a divergence must be reported exactly as
 * there (same step, particle, state and words). The per-particle reference is euler-maruyama with its stepper hidden
 * behind a plain {@link Scheme.Stepper}.
 */
class InPlaceStepsTest {
    /** euler-maruyama whose steppers are not block steppers: the runner copies every particle out and back. */
    static final class PerParticle implements StochasticSchemeFactory {
        private final EulerMaruyamaFactory inner = new EulerMaruyamaFactory();

        @Override
        public String id() {
            return "per-particle";
        }

        @Override
        public String summary() {
            return "euler-maruyama, stepped particle by particle";
        }

        @Override
        public ConvergenceOrder order() {
            return inner.order();
        }

        @Override
        public Scheme create(Parameters parameters, Flow flow) {
            Scheme scheme = inner.create(parameters, flow);
            return blockFlow -> {
                Scheme.Stepper stepper = scheme.stepper(blockFlow);
                assertThat(stepper).isInstanceOf(Scheme.BlockStepper.class);
                return (x, aux, step, rng) -> stepper.step(x, aux, step, rng); // a plain Stepper, not a block one
            };
        }
    }

    static final Varflow VARFLOW = Varflow.of(List.of(new CorePlugin(), new TestParts(), new Plugin() {
        @Override
        public String id() {
            return "in-place-test";
        }

        @Override
        public Collection<SchemeFactory> schemes() {
            return List.of(new PerParticle());
        }

        @Override
        public Collection<NoiseFactory> noises() {
            return List.of(new NoiseFactory() {
                @Override
                public String id() {
                    return "fused-thermal";
                }

                @Override
                public String summary() {
                    return "the api's ThermalNoise: Euler-Maruyama takes its fused path";
                }

                @Override
                public Noise create(Parameters parameters, Space space) {
                    return new ThermalNoise() {
                    };
                }
            });
        }
    }));

    /**
     * Euler-Maruyama on the flat metric with the api's thermal noise: the fused path, where a run's gradients come
     * from one {@link org.varflow.api.BlockGradient} call and its Gaussians from one draw. (The test parts' own
     * "thermal" noise is a general {@link Noise}: there a block stepper loops over its particles.)
     *
     * 1000 particles in R^7: four blocks of up to 256 (the last 232), each stepped in runs of 146 particles (1024
     * coordinates / 7), so a block has a whole run and a shorter one.
     */
    private static FlowSpec langevin(String energy) {
        return Flows.langevin(7, "1,-0.5,0.25,0,2,1,1", 2.0, 1000, 150, 0.01, 12)
                .withPart(PartKind.ENERGY, PartChoice.of(energy))
                .withPart(PartKind.NOISE, "fused-thermal")
                .withEvery(50);
    }

    @Test
    void inPlaceRunsGiveTheParticleByParticleStates() {
        FlowSpec quadratic = langevin("quadratic").withParam(PartKind.ENERGY, "diag", "3,2,1,1,2,3,1");
        // quadratic: a BlockGradient (one call per run); poisoned with no poison: a plain Energy (one per particle);
        // and the general path (the test parts' own thermal noise), where stepBlock loops over step
        for (FlowSpec spec : List.of(quadratic,
                langevin("poisoned").withParam(PartKind.ENERGY, "below", -1e300),
                quadratic.withPart(PartKind.NOISE, "thermal"))) {
            for (int threads : new int[] {1, 2}) {
                long calls = TestParts.Quadratic.RUN_CALLS.get();
                double[] inPlace = VARFLOW.run(spec, new RunControl(threads), null).result().states();
                boolean runCalls = TestParts.Quadratic.RUN_CALLS.get() > calls;
                double[] perParticle = VARFLOW.run(spec.withPart(PartKind.SCHEME, "per-particle"),
                        new RunControl(threads), null).result().states();
                String what = spec.parts().get(PartKind.ENERGY).id() + " with noise "
                        + spec.parts().get(PartKind.NOISE).id() + ", " + threads + " threads";
                assertThat(Arrays.equals(inPlace, perParticle)).as(what).isTrue();
                assertThat(inPlace[0]).isNotEqualTo(inPlace[7]); // the particles really differ
                // the run's path was taken exactly where it should be
                assertThat(runCalls).as(what).isEqualTo(spec.equals(quadratic));
            }
        }
    }

    @Test
    void aDivergenceInsideARunIsReportedAsParticleByParticle() {
        // |x|^2/2 from x1 = 1 with noise: the first particle (in step, then index order) to reach x1 < 0.2 gets a
        // NaN gradient; the run holding it is put back and replayed, which must name it as the plain path does
        FlowSpec spec = langevin("poisoned").withParam(PartKind.ENERGY, "below", 0.2).withSteps(400);
        NumericalException inPlace = assertThrows(NumericalException.class,
                () -> VARFLOW.run(spec, new RunControl(2), null));
        NumericalException perParticle = assertThrows(NumericalException.class, () -> VARFLOW.run(
                spec.withPart(PartKind.SCHEME, "per-particle"), new RunControl(2), null));
        // where, what, which particle and its last finite state: the same words (the advice after them depends on
        // the scheme's id, which differs)
        String a = inPlace.getMessage();
        String b = perParticle.getMessage();
        assertThat(a).contains("for particle ").contains("NaN");
        // the particle is not the first of its run: the runs before it in its block were kept, its run replayed
        int particle = Integer.parseInt(a.replaceAll("(?s).*for particle (\\d+).*", "$1"));
        assertThat(particle % FlowRunner.BLOCK_SIZE).isGreaterThanOrEqualTo(146);
        assertThat(a.substring(0, a.indexOf(" with dt"))).isEqualTo(b.substring(0, b.indexOf(" with dt")));
        assertThat(a.substring(a.indexOf("Last finite state"))).isEqualTo(b.substring(b.indexOf("Last finite state")));
    }
}
