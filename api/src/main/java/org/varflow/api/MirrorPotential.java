package org.varflow.api;

import java.util.List;
import java.util.Set;

/**
 * The mirror maps (Legendre potentials phi) of mirror descent, each with the space kinds where it is a barrier or
 * a smooth strongly convex function: a value shared by the parts that are built on a mirror map (the metric
 * {@code mirror}, K = (Hess phi)^-1, and the scheme {@code mirror-step}, grad phi(x_{k+1}) = grad phi(x_k) - h dE),
 * so that both name, document and check the potentials alike while living in different modules.
 *
 * <pre>
 *   neg-entropy  phi(x) = sum_i x_i log x_i       grad phi = 1 + log x     Hess phi = diag(1/x_i)
 *   burg         phi(x) = -sum_i log x_i          grad phi = -1/x          Hess phi = diag(1/x_i^2)
 *   p-norm       phi(x) = |x|_p^2 / 2, 1 &lt; p &lt;= 2   grad phi = |x|_p^{2-p} sign(x) |x|^{p-1}
 * </pre>
 */
public enum MirrorPotential {
    NEG_ENTROPY("neg-entropy", Set.of(SpaceKinds.SIMPLEX, SpaceKinds.POSITIVE_ORTHANT)),
    BURG("burg", Set.of(SpaceKinds.SIMPLEX, SpaceKinds.POSITIVE_ORTHANT)),
    P_NORM("p-norm", Set.of(Space.EUCLIDEAN));

    private final String id;
    @SuppressWarnings("ImmutableEnumChecker") // Set.copyOf: unmodifiable
    private final Set<String> kinds;

    MirrorPotential(String id, Set<String> kinds) {
        this.id = id;
        this.kinds = Set.copyOf(kinds);
    }

    public String id() {
        return id;
    }

    /** The space kinds it works on. */
    public Set<String> kinds() {
        return kinds;
    }

    /** The potential named {@code id}. */
    public static MirrorPotential of(String id) {
        for (MirrorPotential p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException(id);
    }

    /** The parameter choosing a potential. */
    public static Parameter parameter() {
        return Parameter.choice("potential", List.of(NEG_ENTROPY.id, BURG.id, P_NORM.id),
                "the mirror map phi: neg-entropy sum x log x (simplex, positive-orthant), burg -sum log x (simplex,"
                        + " positive-orthant) or p-norm |x|_p^2/2 (euclidean)");
    }

    /** The exponent p of the p-norm potential. */
    public static Parameter exponent() {
        return new Parameter("p", ParameterType.REAL, "1.5", 1, true, 2, List.of(),
                "exponent of the p-norm potential |x|_p^2 / 2, 1 < p <= 2 (p = 2: Euclidean)");
    }

    /** Refuses a potential on a space kind where it is not defined, naming what fits. */
    public static MirrorPotential on(String id, Space space, String owner) {
        MirrorPotential p = of(id);
        if (!p.kinds.contains(space.kind())) {
            StringBuilder fits = new StringBuilder();
            for (MirrorPotential q : values()) {
                if (q.kinds.contains(space.kind())) {
                    fits.append(fits.length() == 0 ? "" : ", ").append(q.id);
                }
            }
            throw new ConfigurationException(owner + ": potential '" + id + "' is defined on "
                    + new java.util.TreeSet<>(p.kinds)
                    + ", not on space kind " + space.kind() + "; potentials for " + space.kind() + ": ["
                    + fits + "]");
        }
        return p;
    }
}
