package org.varflow.cli;

/** A run took longer than its {@code --timeout}; it was stopped and the command fails without a summary. */
final class RunTimedOutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RunTimedOutException(String message) {
        super(message);
    }
}
