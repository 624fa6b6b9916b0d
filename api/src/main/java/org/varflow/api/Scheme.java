package org.varflow.api;

/**
 * A time discretisation: explicit Euler, Euler-Maruyama, minimizing movement, adaptive Runge-Kutta, leapfrog...
 *
 * <p>The scheme itself is created per run; {@link #stepper(Flow)} is called once per particle block and the
 * returned stepper owns that block's scratch, so steppers never share mutable state.
 */
@FunctionalInterface
public interface Scheme {

    /** Creates the stepper of one particle block. */
    Stepper stepper(Flow flow);

    /**
     * Coordinates of auxiliary state the scheme keeps per particle besides x (e.g. Adam's moment estimates), zero
     * by default. The runner owns it (so it is checkpointed and independent of threads), starts it at zero and
     * hands it to every {@link Stepper#step} call for that particle.
     */
    default int auxiliaryDimension(Flow flow) {
        return 0;
    }

    /** Advances one state of a flow by one step. */
    @FunctionalInterface
    interface Stepper {
        /**
         * Replaces {@code x} by the state one step later.
         *
         * @param x    the state of one particle, updated in place
         * @param aux  the particle's auxiliary state ({@link #auxiliaryDimension} long, empty by default),
         *             updated in place
         * @param step the step's index k, its start time t and its length h
         * @param rng  the block's random stream (unused by deterministic schemes)
         */
        void step(double[] x, double[] aux, StepContext step, RandomStream rng);

        /**
         * Adds this block's counters (e.g. Metropolis proposals and acceptances) into {@code totals}, summing with
         * what other blocks added. Called once per block at the end of a run; nothing by default.
         */
        default void addStatistics(java.util.Map<String, Double> totals) {
        }
    }

    /**
     * What the run summary reports under {@code "scheme"} from the summed block counters, e.g. an acceptance
     * rate computed from proposals and acceptances; the totals themselves by default.
     */
    default java.util.Map<String, Object> report(java.util.Map<String, Double> totals) {
        return new java.util.TreeMap<>(totals);
    }
}
