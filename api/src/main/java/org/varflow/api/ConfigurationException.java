package org.varflow.api;

/**
 * Bad input: an unknown id, a parameter outside its range, an incompatible composition, a malformed spec.
 *
 * <p>The message is meant for the person who wrote the input: it names the part, the offending value and what
 * would be valid. Front ends print it as it is, without a stack trace, and exit with a usage error.
 */
public class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
