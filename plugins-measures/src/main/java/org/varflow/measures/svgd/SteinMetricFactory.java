package org.varflow.measures.svgd;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.measure.MeasureKinds;
import org.varflow.measures.particles.EnsembleSpace;

/**
 * The Stein geometry (kernelised Wasserstein) on ensembles: the Onsager operator smooths a covector with the kernel,
 *
 * <pre>
 *   (K c)_p = (1/N) sum_q k(x_p, x_q) c_q,   k(x, y) = exp(-|x - y|^2 / 2 l^2),
 *   (div K)_p = (1/N) sum_q grad_{x_q} k(x_p, x_q) = (1/N) sum_q k(x_p, x_q) (x_p - x_q) / l^2.
 * </pre>
 *
 * With the extensive potential energy (c_q = grad V(x_q)) and the entropy at temperature T, the deterministic flow
 * -K dE + T div K is Stein variational gradient descent for the target exp(-V/T) (Liu and Wang 2016):
 * x_p' = (1/N) sum_q [k(x_p, x_q) (-grad V(x_q)) + T grad_{x_q} k(x_p, x_q)]; the second sum, the divergence of K, is
 * the entropy's repulsion after integrating T K grad log rho by parts. Add it with the noise {@code stein-repulsion}
 * (deterministic SVGD) or {@code thermal} (Stein-Langevin: the Ito correction plus noise sqrt(2 h T K)).
 *
 * <p>Bandwidth: {@code median} (the default, as in SVGD) takes l^2 = med_{p&lt;q} |x_p - x_q|^2 / (2 log N) from the
 * current cloud at every application (over its first {@value SteinMetric#MEDIAN_SAMPLE} particles), and div K treats
 * l as a constant, as SVGD does; {@code fixed} keeps the given {@code length}, so that K depends on X only through k
 * and div K is exact (use it with thermal noise, whose invariance of exp(-E/T) needs the exact divergence). Each
 * application is O(N^2 d), pairs once each, sequential, allocation-free; {@code sqrtRaise} factorises the N x N
 * kernel matrix (O(N^3), per-thread scratch of N^2).
 */
public final class SteinMetricFactory implements MetricFactory {

    @Override
    public String id() {
        return "stein";
    }

    @Override
    public String summary() {
        return "Stein (kernelised Wasserstein) geometry on ensembles: K smooths with a Gaussian kernel; SVGD";
    }

    @Override
    public String formula() {
        return "(K c)_p = (1/N) sum_q k(x_p, x_q) c_q,  (div K)_p = (1/N) sum_q k(x_p, x_q)(x_p - x_q)/l^2,"
                + "  k = exp(-|x - y|^2 / 2 l^2)";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(MeasureKinds.ENSEMBLE);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.choice("bandwidth", List.of("median", "fixed"), "median: l^2 = median |x_p - x_q|^2 /"
                        + " (2 log N) of the current cloud at every step (SVGD; div K holds l fixed within a step, so"
                        + " 'varflow check' sees it differ from finite differences of K); fixed: the given length"),
                Parameter.positive("length", 1.0, "fixed only: the kernel bandwidth l"));
    }

    @Override
    public Metric create(Parameters parameters, Space space) {
        if (!(space instanceof EnsembleSpace e)) {
            throw new ConfigurationException("metric 'stein' needs an ensemble space, got kind " + space.kind());
        }
        boolean median = parameters.text("bandwidth").equals("median");
        return new SteinMetric(e.layout(), median ? Double.NaN : parameters.real("length"));
    }
}
