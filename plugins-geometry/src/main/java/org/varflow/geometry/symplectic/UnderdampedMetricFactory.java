package org.varflow.geometry.symplectic;

import java.util.List;
import java.util.Set;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * Damped Hamiltonian structure on phase space: J = [[0, I], [-I, 0]] plus friction on the momenta,
 * K = [[0, 0], [0, gamma m I]]. Deterministically (entropy none) it is the heavy-ball / damped oscillator
 * q' = p / m, p' = -dE(q) - gamma p; with thermal noise it is underdamped Langevin dynamics
 *
 * <pre>
 *   dq = p / m dt,   dp = [-dE(q) - gamma p] dt + sqrt(2 gamma m T) dW
 * </pre>
 *
 * whose stationary law is exp(-H / T) / Z, H = E(q) + |p|^2 / 2m (Ma, Chen and Fox 2015 with D = K, Q = -J).
 * Integrate it with {@code baoab} (or {@code euler-maruyama}).
 */
public final class UnderdampedMetricFactory implements MetricFactory {

    @Override
    public String id() {
        return "underdamped";
    }

    @Override
    public String summary() {
        return "damped Hamiltonian structure: J plus friction gamma on the momenta (heavy ball, underdamped Langevin)";
    }

    @Override
    public String formula() {
        return "J = [[0, I], [-I, 0]],  K = [[0, 0], [0, gamma m I]],  K^{1/2} = [[0, 0], [0, sqrt(gamma m) I]]:"
                + "  q' = p / m,  p' = -dE(q) - gamma p  (dH/dt = -gamma |p|^2 / m)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(PhaseSpace.KIND);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.real("friction", 1.0, 0.0, 1e12,
                "friction rate gamma >= 0: p' = -dE(q) - gamma p; momentum noise sqrt(2 gamma m T) (0 gives the"
                        + " symplectic metric)"));
    }

    @Override
    public Class<HamiltonianMetric> partType() {
        return HamiltonianMetric.class;
    }

    @Override
    public Metric create(Parameters parameters, Space space) {
        return new HamiltonianMetric(space.dimension() / 2, parameters.real("friction"),
                SymplecticMetricFactory.mass(space));
    }
}
