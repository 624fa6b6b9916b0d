package org.varflow.serve.runs;

/** No run has this id (or it was forgotten to make room): answered with 404. */
public final class UnknownRunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownRunException(String message) {
        super(message);
    }
}
