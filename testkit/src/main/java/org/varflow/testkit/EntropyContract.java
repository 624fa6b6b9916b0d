package org.varflow.testkit;

import org.junit.jupiter.api.Test;
import org.varflow.api.Entropy;

/**
 * The contract every entropy must meet, as a JUnit 5 base class: the checks of {@link EntropyChecks} (beta valid,
 * T(0) = 1 / beta, T(t) finite and &gt;= 0, isNone consistent, a Tsallis exponent above 1), each failure naming the
 * check with its figures.
 */
public abstract class EntropyContract {
    protected abstract Entropy entropy();

    @Test
    void temperatureIsConsistent() {
        for (CheckResult r : EntropyChecks.run(entropy())) {
            if (r.failed()) {
                throw new AssertionError(r.toString());
            }
        }
    }
}
