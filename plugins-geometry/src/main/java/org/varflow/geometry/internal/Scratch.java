package org.varflow.geometry.internal;

/**
 * Per-thread scratch arrays for metrics whose hot methods need more room than the caller's arrays give (a d x d
 * matrix to factor, perturbed points for finite differences). Metrics are shared by every particle block of a run
 * and must not keep state between calls, so each thread gets its own array, allocated on its first call and reused
 * afterwards: after warm-up {@link #get()} allocates nothing.
 *
 * <p>Use one {@code Scratch} per role: a method that calls another method of the same metric must not share its
 * array with it.
 */
public final class Scratch {
    private final ThreadLocal<double[]> local;

    /** Scratch of {@code size} doubles per thread. */
    public Scratch(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size " + size);
        }
        this.local = ThreadLocal.withInitial(() -> new double[size]);
    }

    /** This thread's array. */
    public double[] get() {
        return local.get();
    }
}
