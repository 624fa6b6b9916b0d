package org.varflow.models.presets;

import java.util.List;
import java.util.Map;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartChoice;
import org.varflow.api.PartKind;
import org.varflow.api.Preset;

/**
 * The presets of "optimizer design is geometry choice": the same recipe x' = -K(x) grad E(x) with K chosen by the
 * problem's geometry. Parts by id: spaces and metrics in plugins-geometry (sphere, simplex, statistical-model,
 * mirror, fisher), schemes in plugins-schemes (mirror-step, adam) and core (euclidean, euler), entropy and noise
 * {@code none} in plugins-noise, energies in this module.
 */
public final class GeometryPresets {
    private GeometryPresets() {
    }

    /** The presets of this class. */
    public static List<Preset> all() {
        return List.of(riemannianGradientDescent(), mirrorDescent(), naturalGradient(), adam());
    }

    private static FlowSpec spec(String id, PartChoice space, PartChoice metric, PartChoice energy, PartChoice scheme,
                                 long steps, double dt) {
        return new FlowSpec(id, Map.of(
                PartKind.SPACE, space,
                PartKind.METRIC, metric,
                PartKind.ENERGY, energy,
                PartKind.ENTROPY, PartChoice.of("none"),
                PartKind.NOISE, PartChoice.of("none"),
                PartKind.SCHEME, scheme),
                steps, null, dt, 1L, 1, null);
    }

    /**
     * Riemannian gradient descent on the sphere S^4: the Rayleigh quotient of the 5 x 5 discrete Laplacian from the
     * normalised (1, ..., 1), explicit Euler with h = 0.1 and the normalising retraction, 500 steps.
     */
    public static Preset riemannianGradientDescent() {
        FlowSpec spec = spec("riemannian-gd",
                PartChoice.of("sphere").with("dimension", 5).with("x0", "1"),
                PartChoice.of("sphere").with("retraction", "normalize"),
                PartChoice.of("rayleigh"),
                PartChoice.of("euler"), 500L, 0.1);
        return new Preset("riemannian-gd",
                "Riemannian gradient descent on the sphere: the Rayleigh quotient flows to the lowest eigenvector",
                "dx/dt = -grad_S E(x) = -(I - x x^T) grad E(x),  |x| = 1;  E(x) = x^T A x / 2 on the sphere\n"
                        + "Euler + retraction: x_{k+1} = R_{x_k}(-h (I - x_k x_k^T) grad E(x_k)),"
                        + "  R_x(v) = (x + v) / |x + v|",
                "The metric K(x) = I - x x^T is the orthogonal projection onto the tangent space of the sphere: the"
                        + " Euclidean gradient A x loses its radial part and the step is pulled back onto the sphere"
                        + " by the retraction (normalisation, or the exponential map along the great circle with"
                        + " metric.retraction=exp). For the Rayleigh quotient the flow is Oja's equation"
                        + " x' = -(A x - (x^T A x) x): the eigenvectors of A are its fixed points, every one but the"
                        + " lowest is unstable, and the angle to the lowest eigenvector v_1 decays like"
                        + " exp(-(lambda_2 - lambda_1) t). Here A = tridiag(-1, 2, -1) in d = 5, with eigenvalues"
                        + " 2 - 2 cos(k pi / 6) = 0.268, 1, 2, 3, 3.732 and ground state sin(j pi / 6); at t = 50 the"
                        + " error is about exp(-0.73 * 50) ~ 1e-16, and E reaches lambda_1 / 2 = 0.134. It is the"
                        + " continuous limit of the power method for A's lowest eigenvalue; in flat coordinates"
                        + " (metric euclidean on R^d) the same energy gives a flow that leaves the sphere at second"
                        + " order in h. With thermal noise and the Ito drift -(d - 1) T x it samples"
                        + " exp(-beta E) on the sphere (Riemannian Langevin).",
                List.of("P.-A. Absil, R. Mahony, R. Sepulchre (2008), Optimization Algorithms on Matrix Manifolds,"
                                + " Princeton University Press, ch. 3-4 (retractions, Riemannian gradient)",
                        "E. Oja (1982), A simplified neuron model as a principal component analyzer, J. Math. Biol."
                                + " 15, 267-273",
                        "N. Boumal (2023), An Introduction to Optimization on Smooth Manifolds, Cambridge University"
                                + " Press"),
                spec);
    }

    /**
     * Mirror descent with the entropy on the simplex (exponentiated gradient, Hedge): the linear loss c = (1..5)
     * from the uniform vector, h = 0.1, 100 steps.
     */
    public static Preset mirrorDescent() {
        FlowSpec spec = spec("mirror-descent",
                PartChoice.of("simplex").with("dimension", 5).with("x0", "1"),
                PartChoice.of("mirror").with("potential", "neg-entropy"),
                PartChoice.of("linear"),
                PartChoice.of("mirror-step").with("potential", "neg-entropy"), 100L, 0.1);
        return new Preset("mirror-descent",
                "mirror descent on the simplex with the entropy: exponentiated gradient (Hedge, multiplicative"
                        + " weights)",
                "grad phi(x_{k+1}) = grad phi(x_k) - h grad E(x_k),  phi(x) = sum_i x_i log x_i  on the simplex:\n"
                        + "x_{k+1,i} = x_{k,i} exp(-h grad_i E(x_k)) / Z_k;"
                        + "  flow: dx/dt = -(diag x - x x^T) grad E(x)",
                "A gradient step taken in the mirror coordinates grad phi(x) = 1 + log x and mapped back (plus the"
                        + " Bregman projection onto the simplex, which is the normalisation Z_k). Its continuous limit"
                        + " is the gradient flow of E in the Hessian metric g = Hess phi = diag(1/x) (the Shahshahani"
                        + " / Fisher-Rao metric of categorical laws), K = diag(x) - x x^T on the simplex: the"
                        + " replicator equation x_i' = -x_i (g_i - x.g). For the linear loss E = c^T x with"
                        + " c = (1, 2, 3, 4, 5) the iterates are exactly x_k = x_0 exp(-k h c) / Z: weights decay"
                        + " geometrically with their loss and the flow converges to the vertex of the smallest c_i"
                        + " (here x_1 = 1 - 4.5e-5 at t = 10); every iterate stays in the open simplex, with no"
                        + " projection step, because the entropy is a barrier. Against an adversary choosing c_k it is"
                        + " Hedge with regret O(sqrt(T log d)), the log d coming from the entropy's range on the"
                        + " simplex (Euclidean projected gradient has sqrt(d)). Swap --set scheme.potential=burg"
                        + " (and metric.potential=burg) for the log-barrier geometry diag(x^2), or --scheme euler"
                        + " to integrate the replicator flow with the positivity-preserving retraction.",
                List.of("A. Nemirovski, D. Yudin (1983), Problem Complexity and Method Efficiency in Optimization,"
                                + " Wiley",
                        "J. Kivinen, M. K. Warmuth (1997), Exponentiated gradient versus gradient descent for linear"
                                + " predictors, Information and Computation 132(1), 1-63",
                        "A. Beck, M. Teboulle (2003), Mirror descent and nonlinear projected subgradient methods for"
                                + " convex optimization, Operations Research Letters 31(3), 167-175",
                        "Y. Freund, R. E. Schapire (1997), A decision-theoretic generalization of on-line learning and"
                                + " an application to boosting, J. Comput. Syst. Sci. 55(1), 119-139"),
                spec);
    }

    /**
     * Natural gradient for L2-regularised logistic regression on the default synthetic data (n = 200, d = 2,
     * feature scales 1 and 0.1), Fisher metric with damping equal to the L2 weight, Euler with h = 1, 20 steps.
     */
    public static Preset naturalGradient() {
        FlowSpec spec = spec("natural-gradient",
                PartChoice.of("statistical-model").with("dimension", 2).with("x0", "0"),
                PartChoice.of("fisher").with("damping", 1e-3),
                PartChoice.of("logistic-regression"),
                PartChoice.of("euler"), 20L, 1.0);
        return new Preset("natural-gradient",
                "natural gradient: steepest descent in the Fisher-Rao metric (logistic regression, h = 1)",
                "dw/dt = -(F(w) + delta I)^-1 grad E(w),  F(w) = X^T W X / n,  W = diag(p_i (1 - p_i));\n"
                        + "Euler: w_{k+1} = w_k - h (F(w_k) + delta I)^-1 grad E(w_k)",
                "Amari's natural gradient measures a step by how much it changes the model's predictions (the KL"
                        + " divergence between p(.|w) and p(.|w + dw), to second order dw^T F dw / 2) instead of by"
                        + " |dw|, so it is invariant under reparameterisation of w and blind to the scales of the"
                        + " features. For an exponential family in its natural parameters (logistic regression with"
                        + " the canonical link) the Fisher information equals the Hessian of the average negative"
                        + " log-likelihood, so with damping delta = lambda (the L2 weight) the Euler step with h = 1 is"
                        + " exactly Newton's method and converges quadratically; smaller h gives damped Newton. Here"
                        + " the features have scales 1 and 0.1 (Hessian condition number about 50 at the optimum): to"
                        + " reach the minimiser to 1e-8, natural gradient takes 4 steps and Euclidean gradient descent"
                        + " (--metric euclidean) with the safe step h = 1/L = 4.71 takes 1362. For a Gaussian model in"
                        + " expectation parameters (energy gaussian-fit) one step with h = 1 lands on the"
                        + " maximum-likelihood estimate from any start. Without a model Fisher,"
                        + " metric.source=empirical uses the empirical Fisher sum of score outer products (a"
                        + " Gauss-Newton-like approximation).",
                List.of("S. Amari (1998), Natural gradient works efficiently in learning, Neural Computation 10(2),"
                                + " 251-276",
                        "J. Martens (2020), New insights and perspectives on the natural gradient method, JMLR 21,"
                                + " 1-76",
                        "C. R. Rao (1945), Information and the accuracy attainable in the estimation of statistical"
                                + " parameters, Bull. Calcutta Math. Soc. 37, 81-91"),
                spec);
    }

    /**
     * Adam on Rosenbrock's valley from (-1.2, 1): learning rate h = 0.01, default betas and epsilon, 5000 steps.
     */
    public static Preset adam() {
        FlowSpec spec = spec("adam",
                PartChoice.of("euclidean").with("dimension", 2).with("x0", "-1.2,1"),
                PartChoice.of("euclidean"),
                PartChoice.of("rosenbrock"),
                PartChoice.of("adam"), 5000L, 0.01);
        return new Preset("adam",
                "Adam: an adaptive diagonal metric diag(1/(sqrt(v^) + eps)) applied to the gradient's running mean",
                "m_k = b1 m_{k-1} + (1 - b1) grad E(x_k),  v_k = b2 v_{k-1} + (1 - b2) grad E(x_k)^2\n"
                        + "x_{k+1} = x_k - h m_k/(1 - b1^k) / (sqrt(v_k/(1 - b2^k)) + eps)",
                "Read as geometry, Adam is explicit Euler for x' = -K_t m_t with a diagonal Onsager operator"
                        + " K_t = diag(1/(sqrt(v^_t) + eps)) that evolves with the flow: each coordinate's step is"
                        + " divided by the root mean square of its recent gradients, so steps are about h in every"
                        + " coordinate whatever the gradient's scale (a crude, diagonal, square-rooted stand-in for the"
                        + " Fisher or Hessian metric), and the momentum m (an exponential average with memory"
                        + " 1/(1 - b1) = 10 steps) smooths the direction. The bias corrections 1 - b^k undo the zero"
                        + " initialisation of m and v in early steps. With b1 = 0 it is RMSProp with bias correction"
                        + " (scheme rmsprop omits it); with b2 -> 1 and eps large it tends to heavy-ball momentum with"
                        + " step h/eps. Its fixed points are the stationary points of E, but with a constant h it does"
                        + " not decrease E monotonically, so the dissipation check (made against the Euclidean"
                        + " metric) is not an identity here. The run state holds m and v per particle (the runner's"
                        + " auxiliary state, k = round(t / h) + 1); the iterates are bit for bit those of the paper's"
                        + " Algorithm 1 with learning rate alpha = h.",
                List.of("D. P. Kingma, J. Ba (2015), Adam: A method for stochastic optimization, ICLR,"
                                + " arXiv:1412.6980",
                        "T. Tieleman, G. Hinton (2012), Lecture 6.5 - RMSProp, COURSERA: Neural Networks for Machine"
                                + " Learning",
                        "J. Duchi, E. Hazan, Y. Singer (2011), Adaptive subgradient methods for online learning and"
                                + " stochastic optimization, JMLR 12, 2121-2159"),
                spec);
    }
}
