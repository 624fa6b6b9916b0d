package org.varflow.models.vi;

import java.util.Collection;
import java.util.List;
import org.varflow.api.MetricFactory;
import org.varflow.api.Plugin;
import org.varflow.api.SpaceFactory;

/**
 * Gaussian variational inference as a five-part flow. The choice: the Gaussian family is a <em>space</em>
 * ({@code gaussian}, state (mu, Sigma)) that lifts any energy E on R^d to F(q) = KL(q || exp(-E)/Z) - log Z, the two
 * geometries are <em>metrics</em> on it ({@code fisher-rao-gaussian}, {@code bures-wasserstein}), and the scheme is
 * core's {@code euler}, which moves the state with the metric's retraction (natural-parameter step, BW exponential
 * map). So "same functional, two geometries" is a one-part swap ({@code --metric bures-wasserstein}), the energy slot
 * takes any registered target (quadratic, bayes-linear-regression, ...), and the observers (energy monotonicity,
 * dissipation identity, moments) apply unchanged. A scheme-only design would have hidden the geometry inside the step.
 */
public final class VariationalPlugin implements Plugin {

    @Override
    public String id() {
        return "varflow-models-vi";
    }

    @Override
    public Collection<SpaceFactory> spaces() {
        return List.of(new GaussianSpaceFactory());
    }

    @Override
    public Collection<MetricFactory> metrics() {
        return List.of(new FisherRaoGaussianMetricFactory(), new BuresWassersteinMetricFactory());
    }
}
