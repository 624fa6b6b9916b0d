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
     * A stepper that also advances a run of particles where they lie in the ensemble's array, without the runner
     * copying each particle out and back: the fast path of samplers with many particles (one call per run of
     * particles, and loops over whole runs, e.g. the Gaussians of the run drawn in one call). With
     * x_p = states[p d .. p d + d), the contract is exact:
     *
     * <pre>
     *   stepBlock(states, from, to, step, rng)  ==  step(x_p, [], step, rng) for p = from, from + 1, ..., to - 1
     * </pre>
     *
     * bit for bit, in the new states and in what is drawn from {@code rng}, so a run gives the same numbers whichever
     * path the runner takes (the testkit's scheme checks test it). The runner takes this path only for schemes
     * without auxiliary state on spaces without constraints. It checks the run's coordinates afterwards; when one is
     * not finite, or the call throws, it puts the states and the stream back and replays the run particle by
     * particle with {@link #step}, which names the particle. A stepper for which the fast path does not apply (a
     * general metric, say) loops over {@link #step} itself.
     */
    interface BlockStepper extends Stepper {
        /**
         * Advances particles [from, to) of {@code states} by one step, in particle order.
         *
         * @param states the ensemble, particle p at offset p d (d the flow's dimension), updated in place
         * @param from   the first particle
         * @param to     one past the last particle
         * @param step   the step's index k, its start time t and its length h
         * @param rng    the block's random stream, drawn from as the particles' steps in turn would draw
         */
        void stepBlock(double[] states, int from, int to, StepContext step, RandomStream rng);
    }

    /**
     * What the run summary reports under {@code "scheme"} from the summed block counters, e.g. an acceptance
     * rate computed from proposals and acceptances; the totals themselves by default.
     */
    default java.util.Map<String, Object> report(java.util.Map<String, Double> totals) {
        return new java.util.TreeMap<>(totals);
    }
}
