package org.varflow.api;

/**
 * A stateless maker of diagnostics that plugins contribute: every registered observer factory whose
 * {@link #appliesTo(Flow)} is true for a run is attached to it automatically, and what its observer reports through
 * {@link Observer#summary()} appears in the run summary under {@code observers.<id>} (e.g. the mass of a grid
 * density, the KL divergence to the Gibbs law, the W2 distance to a target).
 */
public interface ObserverFactory {

    /** Unique id, e.g. {@code "kl-to-gibbs"}. */
    String id();

    /** One line saying what it measures. */
    String summary();

    /** Whether this diagnostic makes sense for (and should be attached to) the flow. */
    boolean appliesTo(Flow flow);

    /** A fresh observer for one run. */
    Observer create(Flow flow);
}
