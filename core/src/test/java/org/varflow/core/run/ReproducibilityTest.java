package org.varflow.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.varflow.RunSummary;
import org.junit.jupiter.api.Test;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartKind;
import org.varflow.Varflow;
import org.varflow.core.testing.Flows;

/** Results depend on the seed only, never on the number of threads. */
class ReproducibilityTest {
    private static final Varflow VARFLOW = Flows.varflow();

    @Test
    void threadCountDoesNotChangeTheResult() {
        int n = 1000;
        assertThat((n + FlowRunner.BLOCK_SIZE - 1) / FlowRunner.BLOCK_SIZE).isGreaterThanOrEqualTo(4);
        FlowSpec spec = Flows.langevin(2, "2,1", 1.0, n, 200, 0.01, 42)
                .withParam(PartKind.ENERGY, "A", "3,1;1,2")
                .withParam(PartKind.ENERGY, "b", "1,-1");

        Varflow.Outcome one = VARFLOW.run(spec, new RunControl(1), null);
        Varflow.Outcome two = VARFLOW.run(spec, new RunControl(2), null);
        Varflow.Outcome four = VARFLOW.run(spec, new RunControl(4), null);

        assertThat(Arrays.equals(one.result().states(), two.result().states())).isTrue();
        assertThat(Arrays.equals(one.result().states(), four.result().states())).isTrue();
        assertThat(withoutWallTime(two.summary())).isEqualTo(withoutWallTime(one.summary()));
        assertThat(withoutWallTime(four.summary())).isEqualTo(withoutWallTime(one.summary()));

        // a fresh run with the same seed repeats itself; the noise really is random across particles
        Varflow.Outcome again = VARFLOW.run(spec, new RunControl(4), null);
        assertThat(Arrays.equals(one.result().states(), again.result().states())).isTrue();
        assertThat(one.result().particle(0)).isNotEqualTo(one.result().particle(1));
        assertThat(one.result().particle(0)).isNotEqualTo(one.result().particle(FlowRunner.BLOCK_SIZE));

        Varflow.Outcome other = VARFLOW.run(spec.withSeed(43), new RunControl(2), null);
        double[] a = one.result().states();
        double[] b = other.result().states();
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        assertThat(same).isZero();
    }

    @Test
    void observationIntervalDoesNotChangeTheResult() {
        FlowSpec spec = Flows.langevin(1, "1", 2.0, 600, 100, 0.01, 7);

        double[] every1 = VARFLOW.run(spec.withEvery(1), new RunControl(2), null).result().states();
        double[] every7 = VARFLOW.run(spec.withEvery(7), new RunControl(2), null).result().states();

        assertThat(Arrays.equals(every1, every7)).isTrue();
    }

    private static Map<String, Object> withoutWallTime(RunSummary summary) {
        Map<String, Object> copy = new LinkedHashMap<>(summary.toMap());
        assertThat(copy.remove("wallSeconds")).isNotNull();
        return copy;
    }
}
