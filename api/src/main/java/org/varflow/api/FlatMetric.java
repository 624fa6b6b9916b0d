package org.varflow.api;

/**
 * The flat metric K = I with its square root S = I, no Poisson part and the retraction x + v: everything is a
 * default, so a part that needs its own type for the flat metric (to be recognised by a scheme, say) is an enum
 * constant implementing this interface and nothing else. Schemes that recognise the type may fuse their loops for
 * it.
 */
public interface FlatMetric extends ConstantMetric {

    /** out = covector. */
    @Override
    default void raise(double[] x, double[] covector, double[] out) {
        System.arraycopy(covector, 0, out, 0, x.length);
    }

    /** out = xi. */
    @Override
    default void sqrtRaise(double[] x, double[] xi, double[] out) {
        System.arraycopy(xi, 0, out, 0, x.length);
    }
}
