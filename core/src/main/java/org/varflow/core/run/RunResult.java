package org.varflow.core.run;

/**
 * What a run produced.
 *
 * @param stepsTaken  steps actually taken (fewer than planned when stopped)
 * @param time        the time reached
 * @param particles   N
 * @param dimension   d
 * @param states      final states, row-major N x d: taken over, not copied (the runner hands over its own array
 *                    and keeps no reference; an ensemble of 10^7 particles in 10 dimensions is 800 MB), and handed
 *                    out as copies
 * @param stopped     whether the run was stopped early on request
 * @param wallSeconds elapsed wall-clock time
 * @param schemeStatistics the scheme's report from its summed block counters (empty for most schemes)
 * @param constraintViolations on a {@link org.varflow.api.ConstrainedSpace}: how many times a state left the space
 *                    and the run went back and halved dt ({@code --on-divergence halve}); -1 when the space
 *                    constrains nothing (no state was asked)
 */
public record RunResult(long stepsTaken, double time, int particles, int dimension, double[] states,
                        boolean stopped, double wallSeconds, java.util.Map<String, Object> schemeStatistics,
                        long constraintViolations) {
    public RunResult {
        java.util.Objects.requireNonNull(states, "states");
        schemeStatistics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(schemeStatistics));
    }

    /** A result of a run on a space that constrains nothing. */
    public RunResult(long stepsTaken, double time, int particles, int dimension, double[] states, boolean stopped,
                     double wallSeconds, java.util.Map<String, Object> schemeStatistics) {
        this(stepsTaken, time, particles, dimension, states, stopped, wallSeconds, schemeStatistics, -1);
    }

    @Override
    public double[] states() {
        return states.clone();
    }

    /**
     * Whether every particle ended exactly (bit for bit) at {@code x}, a point of the state's dimension (no copy of the
     * states is made).
     */
    public boolean allAt(double[] x) {
        for (int i = 0; i < states.length; i++) {
            if (Double.doubleToLongBits(states[i]) != Double.doubleToLongBits(x[i % x.length])) {
                return false;
            }
        }
        return true;
    }

    /** Whether every coordinate of every final state is finite (no copy of the states is made). */
    public boolean allFinite() {
        for (double v : states) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Coordinates of particle p (a copy). */
    public double[] particle(int p) {
        return java.util.Arrays.copyOfRange(states, p * dimension, (p + 1) * dimension);
    }
}
