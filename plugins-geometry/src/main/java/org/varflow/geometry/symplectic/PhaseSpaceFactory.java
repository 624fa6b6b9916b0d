package org.varflow.geometry.symplectic;

import java.util.ArrayList;
import java.util.List;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;
import org.varflow.api.init.InitParameters;
import org.varflow.api.init.StartingLaw;

/**
 * Phase space (q, p) over R^n; energies are chosen on R^n and lifted to H(q, p) = E(q) + |p|^2 / 2m. With
 * {@code init} each particle's positions are drawn from that law (mean q0 by default); momenta start at p0.
 */
public final class PhaseSpaceFactory implements SpaceFactory {
    static final String OWNER = "space 'phase-space'";
    /** Largest number of degrees of freedom n. */
    public static final long MAX_DEGREES = 5_000_000L;

    @Override
    public String id() {
        return PhaseSpace.KIND;
    }

    @Override
    public String summary() {
        return "phase space (q, p) over R^n: energies E(q) are lifted to H(q, p) = E(q) + |p|^2 / 2m";
    }

    @Override
    public String formula() {
        return "x = (q_1..q_n, p_1..p_n) in R^2n,  H(q, p) = E(q) + |p|^2 / 2m;  energies live on the base R^n";
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> p = new ArrayList<>(List.of(
                Parameter.integer("dimension", 1, 1, MAX_DEGREES,
                        "degrees of freedom n (positions); the state has 2n coordinates q1..qn, p1..pn"),
                Parameter.vector("q0", "1", "starting positions (one number is used for every coordinate)"),
                Parameter.vector("p0", "0", "starting momenta (one number is used for every coordinate)"),
                Parameter.positive("mass", 1.0, "the mass m in the kinetic energy |p|^2 / 2m")));
        p.addAll(InitParameters.forPoints()); // the law of the positions; momenta start at p0
        return p;
    }

    @Override
    public Space create(Parameters parameters) {
        int n = (int) parameters.integer("dimension");
        String needed = "the space has " + n + " degrees of freedom (dimension = " + n + ")";
        double[] q0 = Parameters.broadcast(OWNER, "q0", parameters.vector("q0"), n, needed);
        double[] p0 = Parameters.broadcast(OWNER, "p0", parameters.vector("p0"), n, needed);
        StartingLaw positions = InitParameters.readPoints(OWNER, parameters, n, q0);
        return new PhaseSpace(positions == null ? q0 : positions.mean(), p0, parameters.real("mass"), positions);
    }

}
