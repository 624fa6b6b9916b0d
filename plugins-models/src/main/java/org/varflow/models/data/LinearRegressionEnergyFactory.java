package org.varflow.models.data;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;
import org.varflow.api.linalg.Cholesky;
import org.varflow.models.glm.RegularisedGlm;
import org.varflow.models.sampling.RegressionData;

/**
 * Least-squares linear regression with an optional ridge term, one term per example:
 *
 * <pre>
 *   E(w) = (1/2n) sum_i (w . phi_i - y_i)^2 + (lambda/2) |w|^2,   phi_i = (1, x_i) or x_i
 *   dE   = (1/n) Phi^T (Phi w - y) + lambda w,   Hess E = Phi^T Phi / n + lambda I
 *   F    = Phi^T Phi / n   (Fisher information of y ~ N(w . phi, 1) per example, in the scale of E)
 * </pre>
 *
 * The minimiser solves (Phi^T Phi / n + lambda I) w = Phi^T y / n (ordinary least squares at lambda = 0). Data: a
 * CSV file ({@code data}, read by the convention of {@link DataTable}: target last or {@code targetColumn}),
 * inline {@code rows}, or a shipped
 * {@code dataset}: {@code default} (100 rows of y = 0.5 - x + noise) or {@code iris} (petal width on petal length,
 * 150 flowers; Fisher 1936).
 */
public final class LinearRegressionEnergyFactory implements EnergyFactory {
    private static final String OWNER = "energy 'linear-regression'";

    @Override
    public String id() {
        return "linear-regression";
    }

    @Override
    public String summary() {
        return "least-squares linear regression (1/2n) sum (w.phi_i - y_i)^2 + lambda |w|^2/2 on CSV or shipped data;"
                + " finite sum, Fisher Phi^T Phi / n";
    }

    @Override
    public String formula() {
        return "E(w) = (1/2n) sum_i (w.phi_i - y_i)^2 + (lambda/2)|w|^2,  dE = Phi^T (Phi w - y)/n + lambda w,"
                + "  F = Phi^T Phi / n";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> p = new java.util.ArrayList<>(List.of(
                Parameter.real("lambda", 0, 0, 1e12, "ridge weight lambda >= 0"),
                Parameter.bool("intercept", true, "whether phi_i = (1, x_i) (an intercept weight w_1) or x_i"),
                Parameter.choice("dataset", List.of("default", "iris"), "shipped data used when neither data nor"
                        + " rows is given: default = 100 rows of y = 0.5 - x + noise; iris = petal width on petal"
                        + " length of Fisher's 150 irises"),
                Parameter.text("data", null, "a CSV file of features and a target (the last column, or"
                        + " targetColumn)"),
                Parameter.matrix("rows", "inline data rows x_1..x_k, y")));
        p.addAll(DataTable.columnParameters());
        return p;
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        if (parameters.has("data") && parameters.has("rows")) {
            throw new ConfigurationException(OWNER + ": give the data as a file (data) or inline (rows), not both");
        }
        DataTable.checkColumnsHaveAFile(OWNER, parameters);
        RegressionData data = parameters.has("data")
                ? DataTable.read(OWNER, parameters.text("data"), parameters).regression()
                : parameters.has("rows") ? RegressionData.fromRows(OWNER, parameters.matrix("rows"))
                : parameters.text("dataset").equals("iris") ? irisPetals() : RegressionData.defaultData();
        boolean intercept = parameters.bool("intercept");
        int needed = data.inputCount() + (intercept ? 1 : 0);
        if (space.dimension() != needed) {
            throw new ConfigurationException(OWNER + ": the data have " + data.inputCount() + " input column"
                    + (data.inputCount() == 1 ? "" : "s") + (intercept ? " plus an intercept" : "") + ", so the weights"
                    + " need dimension " + needed + " but the space has dimension " + space.dimension()
                    + "; set the space's dimension to " + needed);
        }
        return new LinearRegression(data, intercept, parameters.real("lambda"));
    }

    /** Petal width (y) on petal length (x) for all 150 irises. */
    public static RegressionData irisPetals() {
        List<Iris.Row> rows = Iris.rows();
        double[][] x = new double[rows.size()][];
        double[] y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = new double[] {rows.get(i).feature(2)};
            y[i] = rows.get(i).feature(3);
        }
        return new RegressionData(x, y);
    }

    /** The design matrix Phi (row-major n x d), the responses and lambda; stateless evaluation. */
    public static final class LinearRegression extends RegularisedGlm {

        public LinearRegression(RegressionData data, boolean intercept, double lambda) {
            super(features(data, intercept), data.responses(), data.size(),
                    data.inputCount() + (intercept ? 1 : 0), lambda);
        }

        /** Phi, row-major n x d: a leading 1 with the intercept, then the inputs. */
        private static double[] features(RegressionData data, boolean intercept) {
            int n = data.size();
            int k = data.inputCount();
            int d = k + (intercept ? 1 : 0);
            double[] phi = new double[n * d];
            double[][] x = data.inputs();
            for (int i = 0; i < n; i++) {
                int c = 0;
                if (intercept) {
                    phi[i * d + c++] = 1;
                }
                for (int j = 0; j < k; j++) {
                    phi[i * d + c++] = x[i][j];
                }
            }
            return phi;
        }

        @Override
        protected double loss(double z, double response) {
            double r = z - response;
            return 0.5 * r * r;
        }

        @Override
        protected double lossSlope(double z, double response) {
            return z - response;
        }

        @Override
        protected double variance(double z) {
            return 1;
        }

        /** The minimiser, by Cholesky on (Phi^T Phi / n + lambda I) w = Phi^T y / n. */
        public double[] solve() {
            double[] a = new double[d * d];
            hessian(null, a);
            double[] b = new double[d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    b[j] += phi[i * d + j] * y[i] / n;
                }
            }
            if (Cholesky.factor(a, d) >= 0) {
                throw new ConfigurationException(OWNER + ": Phi^T Phi / n + lambda I is singular (collinear"
                        + " inputs?); give lambda > 0");
            }
            Cholesky.solve(a, d, b, b);
            return b;
        }
    }
}
