package org.varflow.core.scheme;

import org.varflow.api.Flow;
import org.varflow.api.Parameters;
import org.varflow.api.Scheme;
import org.varflow.api.StochasticSchemeFactory;

/**
 * Euler-Maruyama for dx = b(x, t) dt + sqrt(2 T K(x)) dW:
 *
 * <pre>
 *   x_{k+1} = R_{x_k}( h b(x_k, t_k) + sqrt(2 h T(t_k)) K(x_k)^{1/2} xi_k ),   xi_k ~ N(0, I)
 * </pre>
 *
 * with b including the Ito correction T div K supplied by the noise. Weak order one; for the Ornstein-Uhlenbeck
 * process (E = x^2/2, K = 1) its stationary variance is T / (1 - h/2) instead of T.
 */
public final class EulerMaruyamaFactory implements StochasticSchemeFactory {

    @Override
    public String id() {
        return "euler-maruyama";
    }

    @Override
    public String summary() {
        return "Euler-Maruyama: explicit Euler plus one noise increment per step (weak order 1)";
    }

    @Override
    public String formula() {
        return "x_{k+1} = x_k + h b(x_k) + sqrt(2 h / beta) K(x_k)^{1/2} xi_k,  xi_k ~ N(0, I)";
    }

    @Override
    public Scheme create(Parameters parameters, Flow flow) {
        return blockFlow -> new EulerFactory.EulerStepper(blockFlow, true);
    }

}
