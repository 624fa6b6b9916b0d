package org.varflow.testkit;

import org.junit.jupiter.api.Assumptions;

/** How a contract test reports one check: SKIP is an aborted test, WARN passes, FAIL throws with the figures. */
final class ContractSupport {
    private ContractSupport() {
    }

    static void require(CheckResult r) {
        Assumptions.assumeFalse(r.status() == CheckResult.Status.SKIP, () -> r.name() + ": " + r.worst());
        if (r.failed()) {
            throw new AssertionError(r.toString());
        }
    }
}
