package org.varflow.cli.demo;

import java.util.List;
import org.varflow.api.Energy;
import org.varflow.api.FiniteSumEnergy;
import org.varflow.api.FlowSpec;
import org.varflow.api.PartKind;
import org.varflow.cli.plot.Colours;
import org.varflow.cli.plot.Plots;

/**
 * SGD as noisy Langevin (seed 003, Mandt-Hoffman-Blei 2017): constant-step SGD on the quadratic negative
 * log-posterior of Bayesian linear regression, 2000 independent chains.
 *
 * <p>Near the minimiser x* the iterate is a linear recursion driven by the minibatch noise: with M = I - h A
 * (A = Hess E) and Sigma = Cov(g) the covariance of the gradient estimate at x*, the stationary covariance C solves
 * the discrete Lyapunov equation C = M C M^T + h^2 Sigma (to first order in h: A C + C A = h Sigma, Langevin at the
 * anisotropic temperature h Sigma / 2). With batches of b examples drawn with replacement from n,
 * Sigma = (n^2 / b) S, S the population covariance of the per-example gradients. E is exactly quadratic here, so
 * only the dependence of S on x separates the prediction from the chains.
 */
final class SgdLangevinDemo implements Demo {
    static final int CHAINS = 2000;
    static final double H = 0.001;
    static final int BATCH = 10;

    @Override
    public String name() {
        return "sgd-langevin";
    }

    @Override
    public String title() {
        return "SGD as noisy Langevin: the stationary spread of constant-step SGD predicted from the gradient noise";
    }

    @Override
    public String story() {
        return "Preset 'sgd' with a constant step h = 0.001 and batches of 10 drawn with replacement, run as 2000"
                + " independent chains on Bayesian linear regression (100 examples). SGD does not converge to the"
                + " minimiser: it fluctuates around it like Langevin dynamics at the temperature h Sigma / 2 set by the"
                + " minibatch noise covariance Sigma. The chains' covariance is compared with the solution of"
                + " C = (I - hA) C (I - hA)^T + h^2 Sigma.";
    }

    @Override
    public void run(DemoContext c) {
        FlowSpec spec = c.preset("sgd").withParam(PartKind.SCHEME, "schedule", "constant")
                .withParam(PartKind.SCHEME, "sampling", "with-replacement")
                .withParam(PartKind.SCHEME, "batchSize", BATCH)
                .withDt(H).withSteps(3000).withParticles(CHAINS);
        var assembled = c.varflow().assemble(spec);
        Energy e = assembled.flow().energy();
        if (!(e instanceof FiniteSumEnergy f) || assembled.flow().dimension() != 2) {
            throw new IllegalStateException("preset 'sgd' no longer has a 2-D finite-sum energy; update the demo");
        }
        int d = 2;
        int n = f.terms();
        double[] g0 = new double[d];
        f.gradient(new double[d], g0);
        double[][] a = new double[d][d];
        for (int j = 0; j < d; j++) {
            double[] ej = new double[d];
            ej[j] = 1;
            double[] gj = new double[d];
            f.gradient(ej, gj);
            for (int i = 0; i < d; i++) {
                a[i][j] = gj[i] - g0[i]; // E is quadratic: the gradient is affine, A exact
            }
        }
        double det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
        double[] xStar = {-(a[1][1] * g0[0] - a[0][1] * g0[1]) / det, -(-a[1][0] * g0[0] + a[0][0] * g0[1]) / det};
        double[][] s = termCovariance(f, xStar);
        double[][] sigma = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                sigma[i][j] = (double) n * n / BATCH * s[i][j];
            }
        }
        double[][] predicted = lyapunov(a, sigma, H);

        DemoContext.Run run = c.run("sgd-chains", spec);
        double[] x = run.states();
        double[][] cov = covariance(x, CHAINS, d);
        double[] mean = mean(x, CHAINS, d);
        c.note("minimiser x* = (" + DemoContext.fmt(xStar[0]) + ", " + DemoContext.fmt(xStar[1]) + "), Hessian"
                + " eigenvalues " + DemoContext.fmt(eig(a)[0]) + ", " + DemoContext.fmt(eig(a)[1]));
        for (int i = 0; i < d; i++) {
            double se = Math.sqrt(cov[i][i] / CHAINS);
            c.figure("chain mean x_" + (i + 1), mean[i], DemoContext.fmt(xStar[i]) + " (x*), +-4 se = "
                    + DemoContext.fmt(4 * se), Math.abs(mean[i] - xStar[i]) <= 4 * se);
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                // standard error of a sample covariance of N Gaussian draws: sqrt((C_ii C_jj + C_ij^2) / N)
                double se = Math.sqrt((predicted[i][i] * predicted[j][j] + predicted[i][j] * predicted[i][j])
                        / CHAINS);
                c.figure("chain covariance C_" + (i + 1) + (j + 1), cov[i][j], DemoContext.fmt(predicted[i][j])
                        + " (Lyapunov), +-4 se = " + DemoContext.fmt(4 * se), Math.abs(cov[i][j] - predicted[i][j])
                        <= 4 * se);
            }
        }
        double tSgd = H * (sigma[0][0] + sigma[1][1]) / (2 * d);
        c.note("the isotropic reading: T_sgd = h tr Sigma / 2d = " + DemoContext.fmt(tSgd) + "; Langevin at that"
                + " temperature would have covariance T A^-1, trace " + DemoContext.fmt(tSgd * (a[0][0] + a[1][1])
                / det) + " against the chains' " + DemoContext.fmt(cov[0][0] + cov[1][1]));
        // the demo's point: the chains fill the ellipse the Lyapunov equation predicts (2 standard deviations: 86 %
        // of a Gaussian's mass), and their own covariance ellipse lies on it
        double[][] cloud = Plots.cloud(x, CHAINS, d, 0, 1);
        var chart = Plots.landscape("SGD chains at t = " + Plots.fmt(run.outcome().result().time())
                + ": spread predicted from the minibatch noise", "x1", "x2", f::value, List.of(),
                List.of(new Plots.Cloud("chains (" + CHAINS + ")", cloud, Colours.method("sgd"))), c.size());
        double[][] chains = ellipse(mean, cov, 2);
        double[][] lyapunov = ellipse(xStar, predicted, 2);
        Plots.draw(chart, new Plots.Series("chains' covariance, 2 sd", chains[0], chains[1], Colours.method("sgd"),
                Plots.Line.SOLID));
        Plots.draw(chart, new Plots.Series("predicted: C = (I - hA) C (I - hA)^T + h^2 Sigma, 2 sd", lyapunov[0],
                lyapunov[1], Colours.role("reference"), Plots.Line.DASHED));
        c.plot(chart, "sgd-chains");
    }

    /** The ellipse {x : (x - m)^T C^-1 (x - m) = k^2} of a 2 x 2 covariance, as 181 points. */
    static double[][] ellipse(double[] m, double[][] cov, double k) {
        double[] ev = eig(cov);
        double a = cov[0][0];
        double b = cov[0][1];
        double angle = Math.abs(b) < 1e-300 ? (a >= cov[1][1] ? 0 : Math.PI / 2) : Math.atan2(ev[1] - a, b);
        double[] x = new double[181];
        double[] y = new double[181];
        for (int i = 0; i <= 180; i++) {
            double th = 2 * Math.PI * i / 180;
            double u = k * Math.sqrt(ev[1]) * Math.cos(th);
            double v = k * Math.sqrt(ev[0]) * Math.sin(th);
            x[i] = m[0] + u * Math.cos(angle) - v * Math.sin(angle);
            y[i] = m[1] + u * Math.sin(angle) + v * Math.cos(angle);
        }
        return new double[][] {x, y};
    }

    /** S = (1/n) sum_i (grad f_i - mean)(grad f_i - mean)^T at x. */
    static double[][] termCovariance(FiniteSumEnergy f, double[] x) {
        int d = x.length;
        int n = f.terms();
        double[][] grads = new double[n][d];
        double[] m = new double[d];
        for (int i = 0; i < n; i++) {
            f.addTermGradient(i, x, 1.0, grads[i]);
            for (int k = 0; k < d; k++) {
                m[k] += grads[i][k] / n;
            }
        }
        double[][] s = new double[d][d];
        for (double[] g : grads) {
            for (int k = 0; k < d; k++) {
                for (int l = 0; l < d; l++) {
                    s[k][l] += (g[k] - m[k]) * (g[l] - m[l]) / n;
                }
            }
        }
        return s;
    }

    /** The fixed point of C = M C M^T + h^2 Sigma, M = I - h A, by doubling (Smith's method): exact to rounding. */
    static double[][] lyapunov(double[][] a, double[][] sigma, double h) {
        int d = a.length;
        double[][] m = new double[d][d];
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                m[i][j] = (i == j ? 1 : 0) - h * a[i][j];
                c[i][j] = h * h * sigma[i][j];
            }
        }
        // C_{2k} = C_k + M_k C_k M_k^T, M_{2k} = M_k^2: after 60 doublings 2^60 terms of the series
        for (int it = 0; it < 60; it++) {
            double[][] mc = mul(m, c);
            double[][] mcmt = mul(mc, transpose(m));
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    c[i][j] += mcmt[i][j];
                }
            }
            m = mul(m, m);
        }
        return c;
    }

    static double[][] mul(double[][] a, double[][] b) {
        int d = a.length;
        double[][] r = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    r[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return r;
    }

    static double[][] transpose(double[][] a) {
        int d = a.length;
        double[][] r = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                r[i][j] = a[j][i];
            }
        }
        return r;
    }

    static double[] mean(double[] x, int n, int d) {
        double[] m = new double[d];
        for (int p = 0; p < n; p++) {
            for (int k = 0; k < d; k++) {
                m[k] += x[p * d + k] / n;
            }
        }
        return m;
    }

    static double[][] covariance(double[] x, int n, int d) {
        double[] m = mean(x, n, d);
        double[][] c = new double[d][d];
        for (int p = 0; p < n; p++) {
            for (int k = 0; k < d; k++) {
                for (int l = 0; l < d; l++) {
                    c[k][l] += (x[p * d + k] - m[k]) * (x[p * d + l] - m[l]) / (n - 1);
                }
            }
        }
        return c;
    }

    /** Eigenvalues of a symmetric 2 x 2 matrix, ascending. */
    static double[] eig(double[][] a) {
        double tr = a[0][0] + a[1][1];
        double det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
        double disc = Math.sqrt(Math.max(0, tr * tr / 4 - det));
        return new double[] {tr / 2 - disc, tr / 2 + disc};
    }
}
