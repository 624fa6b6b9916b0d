package org.varflow.cli.check;

import java.util.List;
import org.varflow.testkit.CheckResult;

/**
 * The checks of one part in one context.
 *
 * @param label   the part and where it was checked, e.g. {@code "space 'sphere' (kind sphere, dimension 3)"}
 * @param results one result per check
 */
public record CheckContext(String label, List<CheckResult> results) {
    public CheckContext {
        results = List.copyOf(results);
    }
}
