package org.varflow.testkit;

import java.util.Objects;

/**
 * The outcome of one check at all sample points.
 *
 * @param name    what was checked, e.g. {@code "K(x) symmetric"}
 * @param status  PASS, FAIL, WARN (reported, does not fail the run) or SKIP (not applicable)
 * @param worst   the measured figure (the worst value found), in words, e.g. {@code "3.2e-16"}, or a note
 * @param allowed the tolerance, in words
 * @param where   where the worst value was found: the point and both values compared (empty when it passed or
 *                there is no single place)
 */
public record CheckResult(String name, Status status, String worst, String allowed, String where) {
    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        worst = worst == null ? "" : worst;
        allowed = allowed == null ? "" : allowed;
        where = where == null ? "" : where;
    }

    /** A result without a place. */
    public CheckResult(String name, Status status, String worst, String allowed) {
        this(name, status, worst, allowed, "");
    }

    /** The verdict of a check. */
    public enum Status {
        PASS, FAIL, WARN, SKIP
    }

    public boolean failed() {
        return status == Status.FAIL;
    }

    /** PASS or FAIL with the figure, the tolerance and, on failure, the place. */
    static CheckResult of(String name, boolean ok, String worst, String allowed, String where) {
        return new CheckResult(name, ok ? Status.PASS : Status.FAIL, worst, allowed, ok ? "" : where);
    }

    /** A check that does not apply here, with the reason. */
    static CheckResult skip(String name, String reason) {
        return new CheckResult(name, Status.SKIP, reason, "");
    }

    /** One line: name, status, figure, tolerance and place. */
    @Override
    public String toString() {
        return name + ": " + status + " " + worst + (allowed.isEmpty() ? "" : " (allowed " + allowed + ")")
                + (where.isEmpty() ? "" : " at " + where);
    }
}
