package org.varflow.api;

/**
 * A metric whose Onsager operator K does not depend on x: its divergence is zero, so noise needs no Ito correction,
 * and schemes may compute K once. The check kit verifies that K is the same at different points.
 */
public interface ConstantMetric extends Metric {

    /** Zero: K is constant. */
    @Override
    default void divergence(double[] x, double[] out) {
        java.util.Arrays.fill(out, 0, x.length, 0.0);
    }
}
