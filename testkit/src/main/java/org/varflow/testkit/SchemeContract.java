package org.varflow.testkit;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varflow.api.Parameters;
import org.varflow.api.SchemeFactory;

/**
 * The contract every scheme must meet, as a JUnit 5 base class: extend it and return the scheme's factory (and its
 * parameters); the order it states ({@link SchemeFactory#order()}) is measured by refining h on the linear test
 * problem (or the damped oscillator for splitting schemes), strong and weak orders on Ornstein-Uhlenbeck, and its
 * steps must be reproducible ({@link SchemeChecks}). Override {@link #results()} to check it on flows of your own
 * ({@link Checks#scheme(SchemeFactory, Parameters, org.varflow.api.Flow, java.util.function.DoubleFunction,
 * org.varflow.api.Flow)}).
 */
public abstract class SchemeContract {
    protected abstract SchemeFactory factory();

    /** The scheme's parameters: its defaults unless overridden. */
    protected Parameters parameters() {
        SchemeFactory f = factory();
        return Parameters.resolve("scheme '" + f.id() + "'", f.parameters(), Map.of());
    }

    /** The checks' results (computed once per test). */
    protected List<CheckResult> results() {
        return Checks.scheme(factory(), parameters());
    }

    @Test
    void meetsItsStatedOrderAndIsReproducible() {
        Checks.require(results());
    }
}
