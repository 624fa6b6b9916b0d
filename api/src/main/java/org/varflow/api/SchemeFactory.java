package org.varflow.api;

/**
 * A stateless factory of {@link Scheme} parts.
 *
 * <p>A scheme is built last, with the five parts already built and checked, so {@link #create} sees the whole
 * {@link Flow}. What it needs of them is declared in {@link #requires()} and checked by assembly (a message naming
 * the clash and the parts that would fit); {@code create} only adds checks on parameter values. A scheme made here
 * is deterministic: for flows with noise, implement {@link StochasticSchemeFactory} instead.
 */
public interface SchemeFactory extends PartFactory<Scheme> {

    @Override
    default PartType<SchemeFactory, Scheme> type() {
        return PartType.SCHEME;
    }

    /**
     * Builds the part for one run of {@code flow} (its space already checked against {@link #spaces()}, its parts
     * against {@link #requires()}).
     *
     * @throws ConfigurationException if the parameters do not fit the flow, naming both
     */
    Scheme create(Parameters parameters, Flow flow);

    /**
     * The order of accuracy this scheme claims, which the check kit measures by refining h on a linear test problem:
     * {@link ConvergenceOrder#NONE} (no claim, not checked) by default.
     */
    default ConvergenceOrder order() {
        return ConvergenceOrder.NONE;
    }
}
