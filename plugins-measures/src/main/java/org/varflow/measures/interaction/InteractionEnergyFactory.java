package org.varflow.measures.interaction;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.measure.EnsembleLayout;
import org.varflow.api.measure.GridLayout;
import org.varflow.api.measure.MeasureBase;
import org.varflow.api.measure.MeasureEnergy;

/**
 * The interaction (aggregation) energy of a measure with an optional quadratic confinement,
 *
 * <pre>
 *   F(rho) = (1/2) double-integral W(x - y) d rho(x) d rho(y) + (c/2) integral |x|^2 d rho,
 *   dF/drho = W * rho + c |x|^2 / 2,   Wasserstein velocity -grad(W * rho)(x) - c x,
 * </pre>
 *
 * with an even kernel W: {@code gaussian} W(z) = -s exp(-|z|^2 / (2 l^2)) (attractive for s &gt; 0, repulsive for
 * s &lt; 0), {@code quadratic} W(z) = s |z|^2 / 2 (every particle is pulled to the centre of mass at rate s), or
 * {@code power} W(z) = s (|z|^a / a - |z|^b / b), a &gt; b &gt;= 1 (attractive far, repulsive near). On an ensemble it
 * is N F(rho_N) = (1/2N) sum_{p,q} W(x_p - x_q) + (c/2) sum_p |x_p|^2, gradient (1/N) sum_q grad W(x_p - x_q) + c x_p,
 * O(N^2) pairs visited once each, in blocks of {@value #BLOCK} particles, sequentially (so results do not depend on
 * threads); the quadratic kernel takes O(N) through the centre of mass. On a grid the convolution W * rho is a sum over
 * the tabulated kernel, O(cells^2). Add diffusion with an entropy part (aggregation-diffusion, Keller-Segel type).
 *
 * <p>It is a functional of the whole measure: it works on the measure spaces only (on their base R^d it is the
 * kernel W(z) itself, which is what the lift reads).
 */
public final class InteractionEnergyFactory implements EnergyFactory {
    /** Particles per block of the pair loop. */
    static final int BLOCK = 64;

    @Override
    public String id() {
        return "interaction";
    }

    @Override
    public String summary() {
        return "interaction energy (1/2) double-integral W(x - y) d rho d rho (+ confinement): aggregation of a "
                + "measure";
    }

    @Override
    public String formula() {
        return "F = (1/2) integral integral W(x - y) d rho d rho + (c/2) integral |x|^2 d rho;  W gaussian -s"
                + " exp(-|z|^2/2l^2), quadratic s|z|^2/2 or power s(|z|^a/a - |z|^b/b);  velocity -grad W*rho - c x";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.choice("kernel", List.of("gaussian", "quadratic", "power"), "the kernel W"),
                Parameter.real("strength", 1, -1e6, 1e6, "s: the kernel's scale (gaussian and quadratic: > 0"
                        + " attracts, < 0 repels)"),
                Parameter.positive("length", 1, "gaussian only: the range l"),
                Parameter.real("a", 2, 1, 100, "power only: the attractive exponent a > b"),
                Parameter.real("b", 1, 1, 100, "power only: the repulsive exponent b >= 1"),
                Parameter.real("confinement", 0, 0, 1e6, "c >= 0: external potential c |x|^2 / 2"));
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        if (!(space instanceof MeasureBase)) {
            throw new ConfigurationException("energy 'interaction' is a functional of a measure: use it on a measure"
                    + " space (ensemble, grid-1d, grid-2d), not on space kind " + space.kind() + " alone");
        }
        String kernel = parameters.text("kernel");
        double a = parameters.real("a");
        double b = parameters.real("b");
        if (kernel.equals("power") && !(a > b)) {
            throw new ConfigurationException("energy 'interaction': the power kernel needs a > b (got a = "
                    + Parameter.format(a) + ", b = " + Parameter.format(b) + ")");
        }
        return new Kernel(space.dimension(), kernel, parameters.real("strength"), parameters.real("length"), a, b,
                parameters.real("confinement"));
    }

    /** The kernel W on R^d, lifted by the measure spaces. */
    static final class Kernel implements MeasureEnergy {
        final int d;
        final String kind;
        final double s;
        final double length;
        final double a;
        final double b;
        final double confinement;

        Kernel(int d, String kind, double s, double length, double a, double b, double confinement) {
            this.d = d;
            this.kind = kind;
            this.s = s;
            this.length = length;
            this.a = a;
            this.b = b;
            this.confinement = confinement;
        }

        /** W at z given |z|^2 = r2. */
        double w(double r2) {
            switch (kind) {
                case "quadratic":
                    return 0.5 * s * r2;
                case "power": {
                    double r = Math.sqrt(r2);
                    return s * (Math.pow(r, a) / a - Math.pow(r, b) / b);
                }
                default:
                    return -s * Math.exp(-r2 / (2 * length * length));
            }
        }

        /** w'(r)/r, so that grad W(z) = (w'(r)/r) z. */
        double slope(double r2) {
            switch (kind) {
                case "quadratic":
                    return s;
                case "power": {
                    if (r2 == 0) {
                        return 0; // grad W(0) = 0 by symmetry (W even)
                    }
                    double r = Math.sqrt(r2);
                    return s * (Math.pow(r, a - 2) - Math.pow(r, b - 2));
                }
                default:
                    return s * Math.exp(-r2 / (2 * length * length)) / (length * length);
            }
        }

        /** d^2 W / dz_a^2 at z with |z|^2 = r2 and component za. */
        double curvature(double r2, double za) {
            switch (kind) {
                case "quadratic":
                    return s;
                case "power": {
                    if (r2 == 0) {
                        return 0;
                    }
                    double r = Math.sqrt(r2);
                    double g = Math.pow(r, a - 2) - Math.pow(r, b - 2);
                    double dg = (a - 2) * Math.pow(r, a - 3) - (b - 2) * Math.pow(r, b - 3);
                    return s * (g + dg * za * za / r);
                }
                default: {
                    double l2 = length * length;
                    double e = Math.exp(-r2 / (2 * l2));
                    return s * e * (1 / l2 - za * za / (l2 * l2));
                }
            }
        }

        @Override
        public double value(double[] z) {
            double r2 = 0;
            for (int i = 0; i < d; i++) {
                r2 += z[i] * z[i];
            }
            return w(r2);
        }

        @Override
        public void gradient(double[] z, double[] out) {
            double r2 = 0;
            for (int i = 0; i < d; i++) {
                r2 += z[i] * z[i];
            }
            double g = slope(r2);
            for (int i = 0; i < d; i++) {
                out[i] = g * z[i];
            }
        }

        @Override
        public Energy onEnsemble(EnsembleLayout layout) {
            if (layout.d() != d) {
                throw new IllegalArgumentException("kernel on R^" + d + " lifted to an ensemble in R^" + layout.d());
            }
            return kind.equals("quadratic") ? new QuadraticOnEnsemble(layout, s, confinement)
                    : new PairsOnEnsemble(layout, this);
        }

        @Override
        public Energy onGrid(GridLayout layout) {
            return new InteractionOnGrid(layout, this);
        }
    }
}
