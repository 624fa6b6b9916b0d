package org.varflow.models.sampling;

import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.Space;

/**
 * Bayesian linear regression as a finite-sum energy (see {@link BayesLinearRegression}): the negative log-posterior
 * of the weights w in R^d, one term per example, so that the minibatch scheme can subsample it and Langevin dynamics
 * at beta = 1 samples the exact Gaussian posterior.
 *
 * <p>Data: a CSV file given by {@code --set energy.data=FILE.csv}, read by the convention of every data energy
 * ({@link org.varflow.models.data.DataTable}: the target last or named by {@code targetColumn}, the features the
 * other columns or {@code featureColumns}), or rows given inline by the matrix parameter {@code rows} (in a spec file a
 * list
 * of lists, on the command line {@code --set energy.rows=0.1,1.2;0.5,0.7;...}); without either, the default data
 * set shipped with varflow ({@link RegressionData}: 100 examples of y = 0.5 - x + N(0, 0.5^2), x ~ U(-1, 2),
 * seed 5). The space must have dimension d = k + 1 with an intercept (k without).
 */
public final class BayesLinearRegressionFactory implements EnergyFactory {
    static final String OWNER = "energy 'bayes-linear-regression'";

    @Override
    public String id() {
        return "bayes-linear-regression";
    }

    @Override
    public String summary() {
        return "negative log-posterior of Bayesian linear regression (Gaussian prior and noise), one term per example";
    }

    @Override
    public String formula() {
        return "E(w) = |w|^2 / (2 s0^2) + sum_i (y_i - w . phi_i)^2 / (2 sigma^2),  phi_i = (1, x_i);  at beta = 1"
                + " exp(-E)/Z = N(mu, A^-1), A = I/s0^2 + Phi^T Phi / sigma^2, mu = A^-1 Phi^T y / sigma^2";
    }

    @Override
    public Set<String> spaces() {
        return Set.of(Space.EUCLIDEAN);
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> p = new java.util.ArrayList<>(List.of(
                Parameter.positive("sigma", 0.5, "noise standard deviation sigma of y_i = w . phi_i + eps_i"),
                Parameter.positive("priorScale", 1.0, "prior standard deviation s0 of every weight, w ~ N(0, s0^2 I)"),
                Parameter.bool("intercept", true, "whether phi_i = (1, x_i) (an intercept weight w_1) or x_i"),
                Parameter.text("data", null, "a CSV file of features and a target (the last column, or"
                        + " targetColumn)"),
                Parameter.matrix("rows", "inline data rows x_1..x_k, y; without data or rows, the shipped default"
                        + " data set (100 rows of y = 0.5 - x + noise)")));
        p.addAll(org.varflow.models.data.DataTable.columnParameters());
        return p;
    }

    @Override
    public Energy create(Parameters parameters, Space space) {
        if (parameters.has("data") && parameters.has("rows")) {
            throw new ConfigurationException(OWNER + ": give the data as a file (data) or inline (rows), not both");
        }
        org.varflow.models.data.DataTable.checkColumnsHaveAFile(OWNER, parameters);
        RegressionData data = parameters.has("data")
                ? org.varflow.models.data.DataTable.read(OWNER, parameters.text("data"), parameters).regression()
                : parameters.has("rows") ? RegressionData.fromRows(OWNER, parameters.matrix("rows"))
                : RegressionData.defaultData();
        return create(data, parameters.bool("intercept"), parameters.real("sigma"), parameters.real("priorScale"),
                space.dimension());
    }

    /** The energy for a data set, checking that the space has the dimension the features need. */
    static BayesLinearRegression create(RegressionData data, boolean intercept, double sigma, double priorScale,
                                        int dimension) {
        int needed = data.inputCount() + (intercept ? 1 : 0);
        if (dimension != needed) {
            throw new ConfigurationException(OWNER + ": the data have " + data.inputCount() + " input column"
                    + (data.inputCount() == 1 ? "" : "s") + (intercept ? " plus an intercept" : "") + ", so the weights"
                    + " need dimension " + needed + " but the space has dimension " + dimension + "; set the space's"
                    + " dimension to " + needed);
        }
        return new BayesLinearRegression(data, intercept, sigma, priorScale);
    }
}
