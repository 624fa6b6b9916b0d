package org.varflow.serve.runs;

import org.varflow.api.ConfigurationException;

/**
 * What one server lets its users run: per run, the particles, the state size (particles x coordinates), the steps and
 * the wall time; at once, the runs working and the runs waiting; in memory, the finished runs kept and the frames each
 * keeps; and the size of a request body. The defaults keep a laptop responsive; {@code varflow serve} options change
 * them.
 *
 * @param maxParticles      particles N of one run
 * @param maxStateValues    particles x coordinates of one run (an ensemble's N d, a grid's cells)
 * @param maxSteps          steps of one run
 * @param maxWallSeconds    wall-clock seconds of one run; then it is stopped and keeps what it computed
 * @param concurrentRuns    runs working at once (the worker pool)
 * @param queuedRuns        runs waiting for a worker; beyond that, a new run is refused with 429
 * @param keptRuns          runs kept in memory (the oldest finished ones are forgotten first)
 * @param keptFrames        frames one run keeps (thinned evenly as the run goes)
 * @param framePoints       particles one frame keeps
 * @param maxBodyBytes      bytes of one request body
 * @param threadsPerRun     worker threads of one run (the numbers do not depend on it)
 */
public record RunLimits(int maxParticles, long maxStateValues, long maxSteps, double maxWallSeconds,
                        int concurrentRuns, int queuedRuns, int keptRuns, int keptFrames, int framePoints,
                        long maxBodyBytes, int threadsPerRun) {

    /** Default particles of one run. */
    public static final int DEFAULT_MAX_PARTICLES = 20_000;
    /** Default particles x coordinates of one run. */
    public static final long DEFAULT_MAX_STATE = 400_000;
    /** Default steps of one run. */
    public static final long DEFAULT_MAX_STEPS = 200_000;
    /** Default wall-clock seconds of one run. */
    public static final double DEFAULT_MAX_SECONDS = 60;
    /** Default runs at once: one per core of a small laptop. */
    public static final int DEFAULT_MAX_RUNS = 2;
    /** Default runs waiting. */
    public static final int DEFAULT_MAX_QUEUED = 8;
    /** Default bytes of a request body (a spec is a few hundred). */
    public static final long DEFAULT_MAX_BODY = 64 * 1024;
    /** Default worker threads of one run. */
    public static final int DEFAULT_RUN_THREADS = 1;

    /** The defaults stated in docs/explorer.md. */
    public static final RunLimits DEFAULTS = new RunLimits(DEFAULT_MAX_PARTICLES, DEFAULT_MAX_STATE,
            DEFAULT_MAX_STEPS, DEFAULT_MAX_SECONDS, DEFAULT_MAX_RUNS, DEFAULT_MAX_QUEUED, 32, 400, 10_000,
            DEFAULT_MAX_BODY, DEFAULT_RUN_THREADS);

    public RunLimits {
        positive("max particles", maxParticles);
        positive("max state values", maxStateValues);
        positive("max steps", maxSteps);
        if (!(maxWallSeconds > 0) || !Double.isFinite(maxWallSeconds)) {
            throw new ConfigurationException("max wall seconds = " + maxWallSeconds + " is not valid; expected a"
                    + " finite number > 0");
        }
        positive("concurrent runs", concurrentRuns);
        if (queuedRuns < 0) {
            throw new ConfigurationException("queued runs = " + queuedRuns + " is not valid; expected >= 0");
        }
        positive("kept runs", keptRuns);
        if (keptFrames < 2) {
            throw new ConfigurationException("kept frames = " + keptFrames + " is not valid; expected >= 2");
        }
        positive("frame points", framePoints);
        positive("max body bytes", maxBodyBytes);
        positive("threads per run", threadsPerRun);
    }

    private static void positive(String what, long value) {
        if (value < 1) {
            throw new ConfigurationException(what + " = " + value + " is not valid; expected a whole number >= 1");
        }
    }
}
