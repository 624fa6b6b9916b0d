package org.varflow.testkit;

import java.util.Objects;

/**
 * The outcome of one check at all sample points.
 *
 * @param name    what was checked, e.g. {@code "K(x) symmetric"}
 * @param status  PASS, FAIL, WARN (reported, does not fail the run) or SKIP (not applicable)
 * @param worst   the worst value found, in words (e.g. {@code "3.2e-16"}), or a note
 * @param allowed the tolerance, in words
 */
public record CheckResult(String name, Status status, String worst, String allowed) {
    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        worst = worst == null ? "" : worst;
        allowed = allowed == null ? "" : allowed;
    }

    /** The verdict of a check. */
    public enum Status {
        PASS, FAIL, WARN, SKIP
    }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
