package org.varflow.api;

import java.util.Locale;

/**
 * The kinds of interchangeable parts a flow is composed of: the five parts plus the time discretisation.
 *
 * <pre>
 *   samples:  dx = [ -K(x) grad E(x) + J(x) grad E(x) + beta^-1 div K(x) ] dt + sqrt(2 beta^-1 K(x)) dW
 * </pre>
 *
 * <p>The space says what x is, the metric supplies K (and J), the energy E, the entropy beta, the noise dW and
 * the scheme how time is discretised.
 */
public enum PartKind {
    /** What is the state. */
    SPACE("space"),
    /** What "steepest" means: the Onsager operator K(x) = g(x)^-1 and the Poisson operator J(x). */
    METRIC("metric"),
    /** What decreases. */
    ENERGY("energy"),
    /** How much spreading, at what weight: beta^-1 integral rho log rho. */
    ENTROPY("entropy"),
    /** What fluctuates. */
    NOISE("noise"),
    /** How time is discretised. */
    SCHEME("scheme");

    private final String label;

    PartKind(String label) {
        this.label = label;
    }

    /** The typed key of this kind: its factory and part interfaces. */
    public PartType<?, ?> type() {
        return switch (this) {
            case SPACE -> PartType.SPACE;
            case METRIC -> PartType.METRIC;
            case ENERGY -> PartType.ENERGY;
            case ENTROPY -> PartType.ENTROPY;
            case NOISE -> PartType.NOISE;
            case SCHEME -> PartType.SCHEME;
        };
    }

    /** The lower-case name used in spec files, listings and messages. */
    public String label() {
        return label;
    }

    /**
     * Parses a label such as {@code "metric"} (case-insensitive).
     *
     * @throws ConfigurationException naming the valid labels when none matches
     */
    public static PartKind fromLabel(String label) {
        String wanted = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
        for (PartKind kind : values()) {
            if (kind.label.equals(wanted)) {
                return kind;
            }
        }
        throw new ConfigurationException("unknown part kind '" + label + "'; valid kinds: "
                + "space, metric, energy, entropy, noise, scheme");
    }

    @Override
    public String toString() {
        return label;
    }
}
