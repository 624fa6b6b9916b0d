package org.varflow.api;

/**
 * A run went numerically wrong: a state or an energy became NaN or infinite, or an inner solver did not converge.
 *
 * <p>Schemes and parts throw it with what they know; the runner adds the step and time. Front ends print the
 * message (which names the step, the time, the part and a hint such as a smaller dt) and exit with a numerical
 * error code, keeping no partial output.
 */
public class NumericalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NumericalException(String message) {
        super(message);
    }

    public NumericalException(String message, Throwable cause) {
        super(message, cause);
    }
}
