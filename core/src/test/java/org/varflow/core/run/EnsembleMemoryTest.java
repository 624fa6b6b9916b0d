package org.varflow.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.varflow.Varflow;
import org.varflow.api.FlowSpec;
import org.varflow.core.testing.Flows;

/**
 * A run of a large ensemble keeps one copy of it: the runner's states become the result's (no copy on the way), the
 * summary checks them without copying, and the observers that report moments hold O(d^2) numbers, not O(N d). So
 * what a whole run allocates grows like the ensemble once (N d doubles, plus O(1) per block of 256 particles), where
 * it used to be three copies (the result's copy and a copy to test them for finiteness).
 */
class EnsembleMemoryTest {

    private static long allocatedByRun(Varflow varflow, FlowSpec spec) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean hs
                && hs.isThreadAllocatedMemorySupported() && hs.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count allocated bytes per thread");
        com.sun.management.ThreadMXBean hs = (com.sun.management.ThreadMXBean) bean;
        @SuppressWarnings("deprecation") // Thread.getId: threadId() is Java 19+
        long id = Thread.currentThread().getId();
        varflow.run(spec, new RunControl(1), null); // warm-up: classes, JIT
        long before = hs.getThreadAllocatedBytes(id);
        var outcome = varflow.run(spec, new RunControl(1), null);
        long bytes = hs.getThreadAllocatedBytes(id) - before;
        assertThat(outcome.summary().toMap()).isNotEmpty();
        return bytes;
    }

    @Test
    void aRunAllocatesItsEnsembleOnceAndItsObserversDoNotGrowWithIt() {
        Varflow varflow = Flows.varflow();
        int d = 10;
        FlowSpec small = Flows.quadratic(d, "0.5", 5, 0.01).withParticles(2_560).withEvery(1);
        FlowSpec large = small.withParticles(256_000);
        long smallBytes = allocatedByRun(varflow, small);
        long largeBytes = allocatedByRun(varflow, large);
        double ensembleBytes = 256_000.0 * d * Double.BYTES; // 20.5 MB
        // the extra 253 440 particles cost one state array, the dissipation certificate's 3 doubles per particle
        // (DissipationMeter.SLOTS, 7.6 MB here) and O(1) per block: well under two copies
        assertThat((double) (largeBytes - smallBytes)).isLessThan(1.5 * ensembleBytes);
        assertThat((double) largeBytes).isGreaterThan(0.9 * ensembleBytes);
    }

    /**
     * A sampler whose blocks step in place (euler-maruyama, {@link InPlaceStepsTest}) allocates no more than the same
     * run stepped particle by particle: its runs' scratch is per thread, so 1000 blocks cost no more than one (24 kB
     * a block would be 24.6 MB here, more than the ensemble itself).
     */
    @Test
    void blocksSteppedInPlaceShareTheirScratch() {
        int d = 10;
        FlowSpec inPlace = Flows.langevin(d, "0.5", 1.0, 256_000, 5, 0.01, 3).withEvery(5)
                .withPart(org.varflow.api.PartKind.NOISE, "fused-thermal");
        FlowSpec perParticle = inPlace.withPart(org.varflow.api.PartKind.SCHEME, "per-particle");
        long inPlaceBytes = allocatedByRun(InPlaceStepsTest.VARFLOW, inPlace);
        long perParticleBytes = allocatedByRun(InPlaceStepsTest.VARFLOW, perParticle);
        double ensembleBytes = 256_000.0 * d * Double.BYTES; // 20.5 MB
        assertThat((double) (inPlaceBytes - perParticleBytes)).isLessThan(0.05 * ensembleBytes);
    }
}
