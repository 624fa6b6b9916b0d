package org.varflow.schemes.splitting;

import java.util.List;
import java.util.Set;
import org.varflow.api.Energy;
import org.varflow.api.Flow;
import org.varflow.api.Parameters;
import org.varflow.api.RandomStream;
import org.varflow.api.Requirement;
import org.varflow.api.Scheme;
import org.varflow.api.SchemeFactory;
import org.varflow.api.SpaceKinds;
import org.varflow.api.StepContext;

/**
 * Leapfrog (Stormer-Verlet, velocity Verlet) for Hamilton's equations of H = E(q) + |p|^2 / 2m:
 *
 * <pre>
 *   p_{k+1/2} = p_k - (h/2) dE(q_k)
 *   q_{k+1}   = q_k + h p_{k+1/2} / m
 *   p_{k+1}   = p_{k+1/2} - (h/2) dE(q_{k+1})
 * </pre>
 *
 * A composition of three shears, so the map is symplectic (area-preserving, Jacobian determinant 1) and, being
 * symmetric, time-reversible (flip p, step, flip p undoes a step). Second order; it conserves a modified Hamiltonian
 * H~ = H + O(h^2) exactly, so the energy error stays O(h^2) and does not drift over exponentially long times. On the
 * harmonic oscillator E = omega^2 q^2 / 2 (m = 1) it is stable for h omega &lt; 2 and conserves
 * H~ = p^2 / 2 + (1 - h^2 omega^2 / 4) omega^2 q^2 / 2 exactly. Needs metric {@code symplectic}; deterministic.
 * Two gradient evaluations per step (the stepper keeps no per-particle cache).
 */
public final class LeapfrogFactory implements SchemeFactory {

    @Override
    public String id() {
        return "leapfrog";
    }

    @Override
    public String summary() {
        return "leapfrog / Stormer-Verlet: symplectic, time-reversible, second order, energy error bounded O(h^2)";
    }

    @Override
    public String formula() {
        return "p += -(h/2) dE(q);  q += h p / m;  p += -(h/2) dE(q)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(SpaceKinds.PHASE_SPACE);
    }

    @Override
    public List<Requirement<?>> requires() {
        return List.of(SplittingSchemes.CONSERVATIVE);
    }

    @Override
    public Scheme create(Parameters parameters, Flow flow) {
        double mass = SplittingSchemes.CONSERVATIVE.get(flow).mass();
        return blockFlow -> new LeapfrogStepper(blockFlow, mass);
    }

    /** One block's scratch. */
    private static final class LeapfrogStepper implements Scheme.Stepper {
        private final Energy energy;
        private final int n;
        private final double mass;
        private final double[] gradient;

        LeapfrogStepper(Flow flow, double mass) {
            this.energy = flow.energy();
            this.n = flow.dimension() / 2;
            this.mass = mass;
            this.gradient = new double[2 * n];
        }

        @Override
        public void step(double[] x, double[] aux, StepContext step, RandomStream rng) {
            double h = step.dt();
            double half = 0.5 * h;
            double drift = h / mass;
            energy.gradient(x, gradient);
            for (int i = 0; i < n; i++) {
                x[n + i] -= half * gradient[i];
            }
            for (int i = 0; i < n; i++) {
                x[i] += drift * x[n + i];
            }
            energy.gradient(x, gradient);
            for (int i = 0; i < n; i++) {
                x[n + i] -= half * gradient[i];
            }
        }
    }
}
