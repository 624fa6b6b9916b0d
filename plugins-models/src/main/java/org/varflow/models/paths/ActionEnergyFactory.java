package org.varflow.models.paths;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.FixedEndPath;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.formula.Formula;
import org.varflow.api.formula.Variables;

/**
 * The energy {@code action}: the discretised action of a particle of mass m in a potential V, on the space
 * {@code path} (k = 1 or 2),
 *
 * <pre>
 *   S[q] = sum_{j=0..N-1} dt [ m |q_{j+1} - q_j|^2 / (2 dt^2) - V((q_j + q_{j+1}) / 2) ]      (midpoint rule)
 *   dS/dq_i = m (2 q_i - q_{i-1} - q_{i+1}) / dt - (dt / 2) [V'(m_{i-1/2}) + V'(m_{i+1/2})]
 * </pre>
 *
 * <p>dS = 0 is the discrete Euler–Lagrange equation m (q_{i+1} - 2 q_i + q_{i-1}) / dt^2 = -avg V', i.e. Newton's
 * m q'' = -V'(q) with O(dt^2) error. Potentials: {@code free} V = 0; {@code gravity} V = m g q (k = 1) or
 * m g q_2 (k = 2, the second component is the height); {@code harmonic} V = kappa |q|^2 / 2 (omega^2 = kappa / m);
 * {@code formula} any V written as a formula in x1 (x2), with exact derivatives ({@link FormulaAction}).
 *
 * <p><b>Minimum or saddle.</b> Hamilton's principle makes the true path stationary, not minimal. The second variation
 * is integral m |h'|^2 - V''(q) |h|^2 dt; it is positive definite (the action is a strict, here convex, minimum and
 * its gradient flow converges) for free motion and gravity at any T, and for the harmonic potential exactly when
 * T &lt; pi / omega, the first conjugate point (the smallest eigenvalue of -m d^2/dt^2 with fixed ends is
 * m pi^2 / T^2). The discrete Hessian's smallest eigenvalue, (4 m / dt) sin^2(pi / 2N) - kappa dt cos^2(pi / 2N),
 * is positive whenever T &lt; pi / omega. At or past the conjugate point the factory refuses the composition: the
 * action is a saddle and its gradient flow diverges.
 */
public final class ActionEnergyFactory implements EnergyFactory {
    static final String OWNER = "energy 'action'";

    @Override
    public String id() {
        return "action";
    }

    @Override
    public String summary() {
        return "the action S[q] = integral m |q'|^2 / 2 - V(q) dt of a path with fixed ends (midpoint rule); its"
                + " stationary path obeys Newton's law m q'' = -V'(q)";
    }

    @Override
    public String formula() {
        return "E(q) = S[q] = sum_j dt [ m |q_{j+1} - q_j|^2 / (2 dt^2) - V((q_j + q_{j+1}) / 2) ],  V = 0 (free),"
                + " m g q (gravity), kappa |q|^2 / 2 (harmonic, needs T < pi sqrt(m / kappa))";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.choice("potential", List.of("harmonic", "gravity", "free", "formula"), "the potential V(q);"
                        + " formula: the formula V"),
                Parameter.positive("mass", 1.0, "the mass m"),
                Parameter.positive("g", 9.81, "gravity: V = m g q (k = 1) or m g q_2 (k = 2)"),
                Parameter.positive("stiffness", 1.0, "harmonic: V = kappa |q|^2 / 2 with kappa = stiffness;"
                        + " needs T < pi sqrt(m / kappa) (the first conjugate point)"),
                Parameter.text("V", null, "potential formula: V in the components x1 (x2) of q, e.g. x1^4/4 - x1^2/2;"
                        + " its gradient and Hessian are exact (symbolic)"));
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        FixedEndPath path = FixedEndPath.require(OWNER, space);
        String potential = parameters.text("potential");
        double m = parameters.real("mass");
        if (parameters.has("V") != potential.equals("formula")) {
            throw new ConfigurationException(OWNER + (potential.equals("formula") ? ": potential formula needs 'V', the"
                    + " formula of V(q) in x1" + (path.components() == 2 ? " and x2" : "")
                    : ": parameter 'V' applies to potential=formula, but potential is " + potential));
        }
        if (potential.equals("formula")) {
            Formula v;
            try {
                v = Formula.compile(parameters.text("V"), Variables.vector("x", path.components()), Map.of());
            } catch (ConfigurationException e) {
                throw new ConfigurationException(OWNER + ": parameter 'V': " + e.getMessage(), e);
            }
            return new FormulaAction(path, m, v);
        }
        double kappa = parameters.real("stiffness");
        if (potential.equals("harmonic")) {
            double omega = Math.sqrt(kappa / m);
            double conjugate = Math.PI / omega;
            if (path.length() >= conjugate) {
                throw new ConfigurationException(OWNER + ": T = " + Parameter.format(path.length()) + " (the space's"
                        + " length) is at or past the first conjugate point pi / omega = " + String.format("%.6g",
                        conjugate) + " of the harmonic potential (omega = sqrt(stiffness / mass) = "
                        + String.format("%.6g", omega) + "): there the action is a saddle, not a minimum, and its"
                        + " gradient flow diverges. Take a length < " + String.format("%.6g", conjugate)
                        + ", or a smaller stiffness / larger mass");
            }
        }
        return new Action(path, m, potential.equals("gravity") ? parameters.real("g") : 0.0,
                potential.equals("harmonic") ? kappa : 0.0);
    }

    /**
     * The discrete action with V(q) = m g q_last + kappa |q|^2 / 2 (one of the two is zero). Allocates nothing in
     * value and gradient.
     */
    static final class Action implements Energy {
        private final FixedEndPath path;
        private final int n;
        private final int k;
        private final double dt;
        private final double m;
        private final double force; // m g: dV/dq_last
        private final double kappa;

        Action(FixedEndPath path, double m, double g, double kappa) {
            this.path = path;
            this.n = path.intervals();
            this.k = path.components();
            this.dt = path.step();
            this.m = m;
            this.force = m * g;
            this.kappa = kappa;
        }

        @Override
        public double value(double[] x) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                double kinetic = 0;
                double potential = 0;
                for (int c = 0; c < k; c++) {
                    double a = path.node(x, j, c);
                    double b = path.node(x, j + 1, c);
                    kinetic += (b - a) * (b - a);
                    double mid = 0.5 * (a + b);
                    potential += 0.5 * kappa * mid * mid;
                    if (c == k - 1) {
                        potential += force * mid;
                    }
                }
                s += m * kinetic / (2 * dt) - dt * potential;
            }
            return s;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            for (int j = 1; j < n; j++) {
                for (int c = 0; c < k; c++) {
                    double prev = path.node(x, j - 1, c);
                    double here = x[(j - 1) * k + c];
                    double next = path.node(x, j + 1, c);
                    // V' at the two neighbouring midpoints, averaged with weight dt / 2 each
                    double dv = kappa * 0.5 * (0.5 * (prev + here) + 0.5 * (here + next));
                    if (c == k - 1) {
                        dv += force;
                    }
                    out[(j - 1) * k + c] = m * (2 * here - prev - next) / dt - dt * dv;
                }
            }
        }

        /** Block tridiagonal: (m / dt)(2, -1) - (kappa dt / 4)(2, 1) on each component. */
        @Override
        public void hessian(double[] x, double[] out) {
            int d = x.length;
            java.util.Arrays.fill(out, 0, d * d, 0.0);
            double diag = 2 * m / dt - kappa * dt / 2;
            double off = -m / dt - kappa * dt / 4;
            for (int i = 0; i < d; i++) {
                out[i * d + i] = diag;
                if (i + k < d) {
                    out[i * d + i + k] = off;
                    out[(i + k) * d + i] = off;
                }
            }
        }
    }
}
