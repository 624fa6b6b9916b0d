package org.varflow.models.presets;

import java.util.List;
import java.util.Map;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.api.Preset;
import org.varflow.models.paths.Brachistochrone;

/**
 * The presets on paths with fixed ends. Parts by id: space {@code path}, metric {@code path-l2} (plugins-geometry),
 * energies {@code action} and {@code brachistochrone} (this module); entropy and noise {@code none} (plugins-noise);
 * scheme {@code minimizing-movement} (core).
 */
public final class PathPresets {

    private PathPresets() {
    }

    /** The presets of this class. */
    public static List<Preset> all() {
        return List.of(leastAction(), brachistochrone());
    }

    private static FlowSpec spec(PartChoice space, PartChoice energy, long steps, double dt, double tolerance) {
        return new FlowSpec(null, Map.of(PartKind.SPACE, space, PartKind.METRIC, PartChoice.of("path-l2"),
                PartKind.ENERGY, energy, PartKind.ENTROPY, PartChoice.of("none"), PartKind.NOISE,
                PartChoice.of("none"), PartKind.SCHEME, PartChoice.of("minimizing-movement").with("tolerance",
                        tolerance)),
                steps, null, dt, 1L, 1, null);
    }

    public static Preset leastAction() {
        FlowSpec spec = spec(PartChoice.of("path").with("nodes", 64).with("length", 1.5).with("start", "0")
                        .with("end", "1"),
                PartChoice.of("action").with("potential", "harmonic").with("mass", 1.0).with("stiffness", 1.0),
                60, 1.0, 1e-10);
        return new Preset("least-action",
                "least action: the L2 gradient flow of the action S[q] on paths with fixed ends converges to the"
                        + " path Newton's law picks",
                "S[q] = integral_0^T m |q'|^2 / 2 - V(q) dt,  dq/ds = -delta S / delta q = m q'' + V'(q)  (s the flow"
                        + " time);  stationary: m q'' = -V'(q) (Euler-Lagrange = Newton);  midpoint rule on N"
                        + " intervals, implicit (minimizing-movement) steps of h = 1, each contracting the error by "
                        + "1 / (1 + h lambda_min(K Hess S))",
                "Space path (N = 64 intervals on [0, T], T = 1.5, q(0) = 0, q(T) = 1), metric path-l2 (K = I / dt: the"
                        + " L2 gradient flow), energy action with the harmonic potential V = q^2 / 2 (m = 1, omega ="
                        + " 1), no entropy, no noise. The flow is a heat equation in the path whose steady state is"
                        + " the boundary-value solution q(t) = [A sin(omega (T - t)) + B sin(omega t)] / sin(omega T),"
                        + " reached with O(dt^2) error; the converged action matches m omega [(A^2 + B^2)"
                        + " cos(omega T) - 2 A B] / (2 sin(omega T)). Other potentials: free (straight line), gravity"
                        + " (the parabola, exact at the nodes). Limits: Hamilton's principle gives a stationary"
                        + " point; it is a minimum, and the gradient flow converges, only before the first conjugate"
                        + " point T < pi / omega (always for free motion and gravity) - the energy refuses longer T."
                        + " Explicit Euler also works with flow step h < dt^2 / (2 m); the implicit step has no such"
                        + " limit and, the action being quadratic, solves each step exactly.",
                List.of("W. R. Hamilton (1834), On a general method in dynamics, Phil. Trans. R. Soc. 124, 247-308",
                        "C. G. Gray, E. F. Taylor (2007), When action is not least, Am. J. Phys. 75(5), 434-458",
                        "J. E. Marsden, M. West (2001), Discrete mechanics and variational integrators, Acta"
                                + " Numerica 10, 357-514"),
                spec);
    }

    public static Preset brachistochrone() {
        FlowSpec spec = spec(PartChoice.of("path").with("nodes", 64).with("length", Math.PI).with("start", "0")
                        .with("end", "2"),
                PartChoice.of("brachistochrone").with("g", Brachistochrone.G), 100, 1.0, 1e-10);
        return new Preset("brachistochrone",
                "the brachistochrone: the L2 gradient flow of the descent time from the straight line to the cycloid",
                "T[y] = integral_0^X sqrt((1 + y'^2) / (2 g y)) dx (y downward, from rest at A = (0, 0) to B = (X, Y)),"
                        + "  dy/ds = -delta T / delta y;  minimiser: the cycloid x = r (theta - sin theta),"
                        + " y = r (1 - cos theta), time theta_B sqrt(r / g)",
                "Space path (the curve y(x) on N = 64 equal x steps of [0, pi], y(0) = 0, y(pi) = 2), metric path-l2,"
                        + " energy brachistochrone (g = 9.81): the exact descent time along the polygon, the y^-1/2"
                        + " singularity at A integrated in closed form on each chord), no entropy, no noise,"
                        + " implicit (minimizing-movement) steps from the straight line. For B = (pi, 2) the cycloid"
                        + " has r = 1, theta_B = pi and time pi / sqrt(g) = 1.0030 s; the line takes"
                        + " sqrt((pi^2 + 4) / g) = 1.1891 s. The minimiser over polygons is itself a curve, so its"
                        + " time is never below the cycloid's and approaches it as N grows. The ranking of cycloid,"
                        + " line, parabola, cubic and the minimiser: org.varflow.models.paths.Brachistochrone.rank()"
                        + " (varflow demo).",
                List.of("Johann Bernoulli (1696), Problema novum ad cujus solutionem mathematici invitantur, Acta"
                                + " Eruditorum, 269",
                        "I. M. Gelfand, S. V. Fomin (1963), Calculus of Variations, Prentice-Hall, section 4"),
                spec);
    }
}
