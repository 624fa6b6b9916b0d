package org.varflow.testkit;

import java.util.function.Supplier;

/**
 * The worst value a check found and where: among all points while everything passes, among the failures once one
 * fails (so the place reported is a failing one). The place is built only when it is kept.
 */
final class Worst {
    private double value;
    private String where = "";
    private boolean failed;

    /** Offers one measured value; {@code pass} says whether it met the tolerance. NaN counts as infinite. */
    void offer(double v, boolean pass, Supplier<String> place) {
        double w = Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
        if (!pass && !failed) {
            failed = true;
            value = w;
            where = place.get();
        } else if (pass != failed && w > value) {
            value = w;
            where = place.get();
        } else if (pass == !failed && where.isEmpty()) {
            where = place.get();
        }
    }

    boolean ok() {
        return !failed;
    }

    double value() {
        return value;
    }

    String where() {
        return where;
    }
}
