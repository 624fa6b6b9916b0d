package org.varflow.models.presets;

import java.util.List;
import java.util.Map;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.api.Preset;

/**
 * The methods this module names: each a composition of the five parts and a scheme, with the equation it
 * integrates, what it reduces to and where it comes from.
 *
 * <p>Parts by id: space {@code euclidean}, metric {@code euclidean} and the schemes in core; entropy
 * {@code none}/{@code boltzmann} and noise {@code none}/{@code thermal} in plugins-noise; the energies in this
 * module.
 */
public final class MethodPresets {
    private MethodPresets() {
    }

    /** Every preset of this module. */
    public static List<Preset> all() {
        return List.of(gradientDescent(), langevin());
    }

    /**
     * Gradient descent on an ill-conditioned 2-D quadratic: E(x) = x^T A x / 2 - b^T x with A = diag(1, 4),
     * b = (1, 1), minimiser A^-1 b = (1, 0.25); explicit Euler with h = 0.05 for 500 steps.
     */
    public static Preset gradientDescent() {
        FlowSpec spec = new FlowSpec("gradient-descent", Map.of(
                PartKind.SPACE, PartChoice.of("euclidean").with("dimension", 2).with("x0", "-1,1"),
                PartKind.METRIC, PartChoice.of("euclidean"),
                PartKind.ENERGY, PartChoice.of("quadratic").with("diag", "1,4").with("b", "1,1"),
                PartKind.ENTROPY, PartChoice.of("none"),
                PartKind.NOISE, PartChoice.of("none"),
                PartKind.SCHEME, PartChoice.of("euler")),
                500L, null, 0.05, 1L, 1, null);
        return new Preset("gradient-descent",
                "gradient descent: follow -grad E in the Euclidean metric (here an ill-conditioned 2-D quadratic)",
                "dx/dt = -grad E(x);  explicit Euler: x_{k+1} = x_k - h grad E(x_k)",
                "The corner K = I, J = 0, beta = infinity (entropy none, noise none) of"
                        + " dx = [-K grad E + J grad E + beta^-1 div K] dt + sqrt(2 beta^-1 K) dW: an ODE along which E"
                        + " decreases at the rate dE/dt = -|grad E|^2. For E(x) = x^T A x / 2 - b^T x it is linear,"
                        + " x(t) = x* + exp(-t A)(x0 - x*) with x* = A^-1 b = (1, 0.25); each eigen-direction of A"
                        + " decays at its eigenvalue (1 and 4 here), so the smallest eigenvalue sets how long the flow"
                        + " takes and the largest sets the step: explicit Euler multiplies the error along eigenvalue"
                        + " lambda by (1 - h lambda) per step, is stable only for h < 2 / lambda_max = 0.5, and with"
                        + " the best fixed step contracts by (kappa - 1)/(kappa + 1) = 0.6 per step, kappa ="
                        + " lambda_max / lambda_min = 4 the condition number. Other schemes: minimizing-movement is"
                        + " the proximal point method x_{k+1} = argmin_y E(y) + |y - x_k|^2 / (2h) (implicit Euler,"
                        + " stable for every h); dormand-prince integrates the ODE itself to a tolerance. Other"
                        + " metrics give preconditioned descent; K = A^-1 gives Newton's flow, which reaches x* at the"
                        + " same rate in every direction. Adding entropy and thermal noise gives Langevin dynamics.",
                List.of("A. Cauchy (1847), Methode generale pour la resolution des systemes d'equations simultanees,"
                                + " C. R. Acad. Sci. Paris 25, 536-538",
                        "Y. Nesterov (2004), Introductory Lectures on Convex Optimization: A Basic Course,"
                                + " Kluwer, ch. 1-2 (rates and condition number)",
                        "L. Ambrosio, N. Gigli, G. Savare (2008), Gradient Flows in Metric Spaces and in the Space of"
                                + " Probability Measures, Birkhauser (minimizing movements)"),
                spec);
    }

    /**
     * Overdamped Langevin dynamics (the unadjusted Langevin algorithm) for E(x) = x^2 / 2 at beta = 1: an
     * Ornstein-Uhlenbeck process started at x0 = 1, 10000 particles integrated by Euler-Maruyama with h = 0.01 up
     * to t = 5.
     */
    public static Preset langevin() {
        FlowSpec spec = new FlowSpec("langevin", Map.of(
                PartKind.SPACE, PartChoice.of("euclidean").with("dimension", 1).with("x0", "1"),
                PartKind.METRIC, PartChoice.of("euclidean"),
                PartKind.ENERGY, PartChoice.of("quadratic").with("diag", "1"),
                PartKind.ENTROPY, PartChoice.of("boltzmann").with("beta", 1.0),
                PartKind.NOISE, PartChoice.of("thermal"),
                PartKind.SCHEME, PartChoice.of("euler-maruyama")),
                null, 5.0, 0.01, 42L, 10_000, null);
        return new Preset("langevin",
                "overdamped Langevin dynamics (ULA): gradient descent plus thermal noise, sampling exp(-beta E)/Z",
                "dx = -grad E(x) dt + sqrt(2 / beta) dW;  Euler-Maruyama: x_{k+1} = x_k - h grad E(x_k)"
                        + " + sqrt(2 h / beta) xi_k,  xi_k ~ N(0, I)",
                "The case K = I, J = 0, finite beta of dx = [-K grad E + J grad E + beta^-1 div K] dt"
                        + " + sqrt(2 beta^-1 K) dW. The law rho_t of x_t solves the Fokker-Planck equation"
                        + " d rho/dt = div(rho grad E) + beta^-1 Laplacian rho, which is the Wasserstein-2 gradient"
                        + " flow of the free energy F(rho) = integral E d rho + beta^-1 integral rho log rho; its"
                        + " minimiser and the stationary law is the Gibbs density exp(-beta E) / Z. For E = x^2 / 2"
                        + " (A = 1, b = 0) it is the Ornstein-Uhlenbeck process: x_t ~ N(x0 e^-t, (1 - e^-2t) / beta),"
                        + " stationary law N(0, 1/beta), and KL(rho_t | Gibbs) decays like e^-2t. Euler-Maruyama with"
                        + " step h is the AR(1) chain x_{k+1} = (1 - h) x_k + sqrt(2 h / beta) xi_k, whose stationary"
                        + " variance is (1/beta) / (1 - h/2): a bias of about h/2 (0.5% at h = 0.01) that vanishes as"
                        + " h -> 0 and that a Metropolis accept/reject step (MALA) removes. At t = 5 with these"
                        + " defaults the exact chain has mean 0.99^500 = 0.0066 and variance 1.005 (1 - 0.99^1000)"
                        + " = 1.005. As beta -> infinity (entropy none, noise none) it reduces to gradient descent.",
                List.of("P. Langevin (1908), Sur la theorie du mouvement brownien, C. R. Acad. Sci. Paris 146, 530-533",
                        "G. E. Uhlenbeck, L. S. Ornstein (1930), On the theory of the Brownian motion, Phys. Rev. 36,"
                                + " 823-841",
                        "G. O. Roberts, R. L. Tweedie (1996), Exponential convergence of Langevin distributions and"
                                + " their discrete approximations, Bernoulli 2(4), 341-363",
                        "R. Jordan, D. Kinderlehrer, F. Otto (1998), The variational formulation of the Fokker-Planck"
                                + " equation, SIAM J. Math. Anal. 29(1), 1-17"),
                spec);
    }
}
