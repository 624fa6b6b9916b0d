package org.varflow.api;

import java.util.List;
import java.util.Set;

/**
 * A named, stateless maker of one kind of part, found through a {@link Plugin}. It describes itself (id, one-line
 * summary, parameters, supported spaces, formula, what it needs of the other parts) so that listings and
 * explanations can show it and assembly can check a composition before it runs, and its {@code create} method,
 * given validated {@link Parameters}, builds the per-run object.
 *
 * <p>Only {@link #id()}, {@link #summary()} and {@code create} are abstract; the rest has defaults so the SPI can
 * grow without breaking plugins. Each kind has its own sub-interface ({@link SpaceFactory}, {@link MetricFactory},
 * ...) that fixes {@code P} and the signature of {@code create}; {@link PartType} is the typed key of a kind.
 *
 * @param <P> the type of part made, e.g. {@link Metric}
 */
public interface PartFactory<P> {

    /** Unique id within its kind, lower case with dashes, e.g. {@code "double-well"}. */
    String id();

    /** The kind of part made. */
    default PartKind kind() {
        return type().kind();
    }

    /** One line saying what it is. */
    String summary();

    /** The parameters it takes; none by default. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** The space kinds it works on; empty (the default) means any space. */
    default Set<String> spaces() {
        return Set.of();
    }

    /** The formula it implements, in plain text, e.g. {@code "E(x) = x^T A x / 2 - b^T x"}. */
    default String formula() {
        return "";
    }

    /**
     * The formula with these parameters, for {@code varflow explain ID --set NAME=VALUE}: e.g. a user's formula with
     * its derivatives. {@link #formula()} by default.
     *
     * @throws ConfigurationException when the parameters do not describe a valid part
     */
    default String formula(Parameters parameters) {
        return formula();
    }

    /** Whether this factory's parts work on the given space kind. */
    default boolean supports(String spaceKind) {
        return spaces().isEmpty() || spaces().contains(spaceKind);
    }

    /**
     * The most specific type every part it makes has, e.g. {@link FlatMetric} or a capability such as
     * {@link PoissonMetric}: assembly lists this factory among those that fit a {@link Requirement} on that type,
     * and checks that what {@code create} returned is one. The kind's part type by default.
     */
    default Class<? extends P> partType() {
        return type().partClass();
    }

    /** The typed kind of part made. */
    PartType<? extends PartFactory<P>, P> type();

    /**
     * What the parts it makes need of the other parts of the flow (a metric with a Poisson part, an energy with
     * finite-sum structure, ...), checked when the flow is assembled, before it runs. None by default.
     */
    default List<Requirement<?>> requires() {
        return List.of();
    }
}
