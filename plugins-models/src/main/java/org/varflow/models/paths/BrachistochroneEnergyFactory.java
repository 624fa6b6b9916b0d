package org.varflow.models.paths;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.FixedEndPath;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * The energy {@code brachistochrone} on the space {@code path} with k = 1 (the curve y(x) on [0, X], y measured
 * downward, A = (0, 0), B = (X, Y), Y &gt; 0): the exact descent time from rest along the polygon through the nodes,
 *
 * <pre>
 *   E(y) = sum_{j=0..N-1} 2 sqrt(dx^2 + (y_{j+1} - y_j)^2) / (sqrt(2 g) (sqrt(y_j) + sqrt(y_{j+1})))
 * </pre>
 *
 * the time functional T[y] = integral sqrt((1 + y'^2) / (2 g y)) dx integrated exactly on each chord (y linear
 * there, so the y^-1/2 singularity at A is integrated in closed form; see {@link Brachistochrone}). A node at or
 * above A (y_j &lt;= 0) gives E = +infinity and a NaN gradient, which stops a run at that step.
 */
public final class BrachistochroneEnergyFactory implements EnergyFactory {
    static final String OWNER = "energy 'brachistochrone'";

    @Override
    public String id() {
        return "brachistochrone";
    }

    @Override
    public String summary() {
        return "descent time of a bead from rest at A = (0, 0) to B along the curve y(x) (y downward), exact on each"
                + " chord; minimised by the cycloid";
    }

    @Override
    public String formula() {
        return "E(y) = sum_j 2 L_j / (sqrt(2 g) (sqrt(y_j) + sqrt(y_{j+1}))), L_j = sqrt(dx^2 + (y_{j+1} - y_j)^2):"
                + " T[y] = integral sqrt((1 + y'^2) / (2 g y)) dx, exact on each chord";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.positive("g", Brachistochrone.G, "gravitational acceleration g"));
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        FixedEndPath path = FixedEndPath.require(OWNER, space);
        if (path.components() != 1) {
            throw new ConfigurationException(OWNER + ": the curve is a graph y(x), so the path's nodes need k = 1"
                    + " component, but start and end have " + path.components());
        }
        if (path.start()[0] != 0 || !(path.end()[0] > 0)) {
            throw new ConfigurationException(OWNER + ": the bead starts at rest at A = (0, 0) with y measured"
                    + " downward, so the path needs start = 0 and end = Y > 0; got start = "
                    + Parameter.format(path.start()[0]) + ", end = " + Parameter.format(path.end()[0]));
        }
        return new Time(path, parameters.real("g"));
    }

    /** The polygon's descent time; allocates nothing. */
    static final class Time implements Energy {
        private final FixedEndPath path;
        private final int n;
        private final double dx;
        private final double c;

        Time(FixedEndPath path, double g) {
            this.path = path;
            this.n = path.intervals();
            this.dx = path.step();
            this.c = 2 / Math.sqrt(2 * g);
        }

        @Override
        public double value(double[] x) {
            double t = 0;
            for (int j = 0; j < n; j++) {
                double a = path.node(x, j, 0);
                double b = path.node(x, j + 1, 0);
                if (a < 0 || !(b > 0)) {
                    return Double.POSITIVE_INFINITY;
                }
                t += c * Math.hypot(dx, b - a) / (Math.sqrt(a) + Math.sqrt(b));
            }
            return t;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            java.util.Arrays.fill(out, 0, n - 1, 0.0);
            for (int j = 0; j < n; j++) {
                double a = path.node(x, j, 0);
                double b = path.node(x, j + 1, 0);
                if (a < 0 || !(b > 0)) {
                    java.util.Arrays.fill(out, 0, n - 1, Double.NaN);
                    return;
                }
                double ra = Math.sqrt(a);
                double rb = Math.sqrt(b);
                double sum = ra + rb;
                double len = Math.hypot(dx, b - a);
                double slope = (b - a) / len;
                if (j >= 1) {
                    out[j - 1] += c * (-slope / sum - len / (sum * sum) / (2 * ra));
                }
                if (j + 1 <= n - 1) {
                    out[j] += c * (slope / sum - len / (sum * sum) / (2 * rb));
                }
            }
        }
    }
}
