package org.varflow.serve.runs;

/** The server is running and queueing as many runs as its limits allow: answered with 429. */
public final class TooBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TooBusyException(String message) {
        super(message);
    }
}
