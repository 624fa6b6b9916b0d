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

    /** The part to blame, or null when the thrower cannot tell (the runner then decides). */
    private final PartKind blame;

    public NumericalException(String message) {
        this(message, (PartKind) null);
    }

    public NumericalException(String message, PartKind blame) {
        super(message);
        this.blame = blame;
    }

    public NumericalException(String message, Throwable cause) {
        super(message, cause);
        this.blame = null;
    }

    /** The part to blame (e.g. {@link PartKind#ENERGY} for a non-finite gradient), or null when unknown. */
    public PartKind blame() {
        return blame;
    }
}
