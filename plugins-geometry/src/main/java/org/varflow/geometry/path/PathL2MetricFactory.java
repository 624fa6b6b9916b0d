package org.varflow.geometry.path;

import java.util.Set;
import org.varflow.api.ConstantMetric;
import org.varflow.api.FixedEndPath;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * The metric {@code path-l2}: the L2 inner product of paths, &lt;u, v&gt; = integral u . v dt, discretised on the
 * nodes as dt sum_j u_j . v_j. Its Onsager operator is K = I / dt, so the flow q' = -K dS of an energy S on paths
 * is q_j' = -(1/dt) dS/dq_j, the discretisation of the L2 gradient flow q_t = -delta S / delta q; for the action
 * this is q_t = m q'' + V'(q), a heat equation whose steady states are Newton's trajectories. Without the 1/dt the
 * flow would slow down as the grid is refined (each node's partial derivative carries a factor dt).
 *
 * <p>Explicit Euler is stable for h &lt; 2 / lambda_max(K Hess S), about dt^2 / (2 m) for the action; implicit
 * steps ({@code minimizing-movement}) have no such limit.
 */
public final class PathL2MetricFactory implements MetricFactory {

    @Override
    public String id() {
        return "path-l2";
    }

    @Override
    public String summary() {
        return "the L2 metric on paths, dt sum_j |v_j|^2: K = I / dt, so the flow is the L2 gradient flow of the"
                + " functional";
    }

    @Override
    public String formula() {
        return "<u, v> = dt sum_j u_j . v_j,  K = I / dt,  q_j' = -(1/dt) dS/dq_j  ->  q_t = -delta S / delta q";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public Metric create(Parameters parameters, Space space) {
        double inverse = 1.0 / FixedEndPath.require("metric 'path-l2'", space).step();
        double root = Math.sqrt(inverse);
        return new ConstantMetric() {
            @Override
            public void raise(double[] x, double[] covector, double[] out) {
                for (int i = 0; i < x.length; i++) {
                    out[i] = inverse * covector[i];
                }
            }

            @Override
            public void sqrtRaise(double[] x, double[] xi, double[] out) {
                for (int i = 0; i < x.length; i++) {
                    out[i] = root * xi[i];
                }
            }
        };
    }
}
