package org.varflow.serve.runs;

/** Where a run is in its life. */
public enum RunStatus {
    /** Waiting for a worker. */
    QUEUED("queued"),
    /** Running. */
    RUNNING("running"),
    /** Ran to its end. */
    DONE("done"),
    /** Stopped early (on request or at the wall-time limit); what it computed is summarised. */
    STOPPED("stopped"),
    /** Cancelled before it started. */
    CANCELLED("cancelled"),
    /** Ended in an error: a numerical failure (divergence) or a problem found only when it started. */
    FAILED("failed");

    private final String label;

    RunStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the run has ended. */
    public boolean ended() {
        return this != QUEUED && this != RUNNING;
    }
}
