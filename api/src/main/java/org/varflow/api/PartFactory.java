package org.varflow.api;

import java.util.List;
import java.util.Set;

/**
 * A named, stateless maker of one kind of part, found through a {@link Plugin}. It describes itself (id, one-line
 * summary, parameters, supported spaces, formula) so that {@code varflow list} and {@code varflow explain} can
 * show it, and its {@code create} method, given validated {@link Parameters}, builds the per-run object.
 *
 * <p>Only {@link #id()}, {@link #summary()} and {@code create} are abstract; the rest has defaults so the SPI can
 * grow without breaking plugins.
 */
public interface PartFactory {

    /** Unique id within its kind, lower case with dashes, e.g. {@code "double-well"}. */
    String id();

    /** The kind of part made. */
    PartKind kind();

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

    /** Whether this factory's parts work on the given space kind. */
    default boolean supports(String spaceKind) {
        return spaces().isEmpty() || spaces().contains(spaceKind);
    }
}
