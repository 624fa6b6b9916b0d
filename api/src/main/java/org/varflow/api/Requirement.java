package org.varflow.api;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a part needs of another part of the same flow, declared by its factory ({@link PartFactory#requires()}) and
 * checked once, when the flow is assembled: the part in slot {@link #kind()} must be a {@code T} (a capability type
 * such as {@link PoissonMetric} or {@link FiniteSumEnergy}) and, when a condition is given, satisfy it.
 *
 * <pre>{@code
 * static final Requirement<FiniteSumEnergy> FINITE_SUM = Requirement.of(PartKind.ENERGY, FiniteSumEnergy.class,
 *         "an energy that is a finite sum of terms (one per example)");
 * ...
 * FiniteSumEnergy energy = FINITE_SUM.get(flow); // in the scheme: safe, assembly has checked it
 * }</pre>
 *
 * <p>A failed requirement is one {@link ConfigurationException} naming both parts, what was needed and the
 * registered factories whose {@link PartFactory#partType()} would fit.
 *
 * @param kind        the slot whose part is constrained
 * @param type        the type the part must have
 * @param condition   a further condition on the part (true when there is none)
 * @param description what is needed, in words, e.g. "a metric with a Poisson part J"
 * @param <T> the type the part must have
 */
public record Requirement<T>(PartKind kind, Class<T> type, Predicate<? super T> condition, String description) {
    public Requirement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(description, "description");
        if (!kind.type().partClass().isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getName() + " is not a " + kind + " type");
        }
    }

    /** The part in slot {@code kind} must be a {@code type}. */
    public static <T> Requirement<T> of(PartKind kind, Class<T> type, String description) {
        return new Requirement<>(kind, type, t -> true, description);
    }

    /** The same requirement with a further condition on the part. */
    public Requirement<T> and(Predicate<? super T> more, String moreDescription) {
        Predicate<? super T> first = condition;
        String words = moreDescription == null || moreDescription.isBlank() ? description
                : description + " " + moreDescription;
        return new Requirement<>(kind, type, t -> first.test(t) && more.test(t), words);
    }

    /** Whether a built part meets the requirement. */
    public boolean isMetBy(Object part) {
        return type.isInstance(part) && condition.test(type.cast(part));
    }

    /** Whether parts made by {@code factory} can meet it, judged by its declared {@link PartFactory#partType()}. */
    public boolean mayBeMetBy(PartFactory<?> factory) {
        return factory.kind() == kind && type.isAssignableFrom(factory.partType());
    }

    /**
     * The part of {@code flow} in slot {@code kind}, as a {@code T}. Call it from a part whose factory declared this
     * requirement: assembly has then checked it.
     *
     * @throws ConfigurationException if the part is not a {@code T} (the flow was not assembled with the check)
     */
    public T get(Flow flow) {
        Object part = switch (kind) {
            case SPACE -> flow.space();
            case METRIC -> flow.metric();
            case ENERGY -> flow.energy();
            case ENTROPY -> flow.entropy();
            case NOISE -> flow.noise();
            case SCHEME -> throw new IllegalStateException("a flow holds no scheme");
        };
        if (!isMetBy(part)) {
            throw new ConfigurationException("this needs " + description + " as its " + kind + " part, and got a "
                    + part.getClass().getSimpleName());
        }
        return type.cast(part);
    }
}
