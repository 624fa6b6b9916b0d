package org.varflow.models.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Parameter;
import org.varflow.api.Parameters;
import org.varflow.api.io.CsvTable;
import org.varflow.api.io.Excerpt;
import org.varflow.models.sampling.RegressionData;

/**
 * A user's data set, read from CSV by the one convention of every data-driven energy ({@code logistic-regression},
 * {@code linear-regression}, {@code bayes-linear-regression}, the minibatch schemes that subsample them, and
 * {@code mean-field-network}):
 *
 * <ul>
 *   <li>the file is read by {@link CsvTable} (comma-separated numbers, an optional header row naming the columns,
 *       {@code #} comment lines);</li>
 *   <li>the target y is the column named by {@code targetColumn}, else the last column;</li>
 *   <li>the features x are the columns named by {@code featureColumns} (comma-separated, in that order), else every
 *       other column in file order.</li>
 * </ul>
 *
 * @param source   the file, for messages
 * @param features the feature columns' names ({@code column 1}, ... without a header)
 * @param target   the target column's name
 * @param x        the features, row-major n x k
 * @param y        the targets
 */
public record DataTable(String source, List<String> features, String target, double[] x, double[] y) {
    public DataTable {
        features = List.copyOf(features);
        x = x.clone();
        y = y.clone();
        if (y.length == 0 || x.length != y.length * features.size()) {
            throw new IllegalArgumentException(x.length + " feature values for " + y.length + " rows of "
                    + features.size());
        }
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    /** The number of rows n. */
    public int size() {
        return y.length;
    }

    /** The number of features k. */
    public int featureCount() {
        return features.size();
    }

    /** The optional parameters that choose the columns. */
    public static List<Parameter> columnParameters() {
        return List.of(
                Parameter.text("targetColumn", null, "with data=FILE.csv: the name of the target column (the file"
                        + " needs a header row); the last column by default"),
                Parameter.text("featureColumns", null, "with data=FILE.csv: the feature columns, names separated by"
                        + " commas; every column but the target by default"));
    }

    /** Refuses targetColumn and featureColumns when no file is given ({@code data} absent). */
    public static void checkColumnsHaveAFile(String owner, Parameters p) {
        for (String name : List.of("targetColumn", "featureColumns")) {
            if (p.has(name) && !p.has("data")) {
                throw new ConfigurationException(owner + ": parameter '" + name + "' chooses columns of a data file;"
                        + " give the file with data=FILE.csv");
            }
        }
    }

    /** Reads {@code file} with the columns chosen by {@code targetColumn} and {@code featureColumns} in p. */
    public static DataTable read(String owner, String file, Parameters p) {
        return read(owner, file, p.has("targetColumn") ? p.text("targetColumn") : null,
                p.has("featureColumns") ? p.text("featureColumns") : null);
    }

    /**
     * Reads a CSV data file.
     *
     * @param targetColumn   the target's name, or null for the last column
     * @param featureColumns the features' names separated by commas, or null for every other column
     */
    public static DataTable read(String owner, String file, String targetColumn, String featureColumns) {
        CsvTable t = CsvTable.read(Path.of(file));
        if (t.columns() < 2 && featureColumns == null) {
            throw new ConfigurationException(owner + ": " + file + " has one column; a data file has feature columns"
                    + " and a target column (the last, or the one named by targetColumn)");
        }
        int target = targetColumn == null ? t.columns() - 1 : column(owner, t, targetColumn, "targetColumn");
        List<Integer> chosen = new ArrayList<>();
        if (featureColumns == null) {
            for (int c = 0; c < t.columns(); c++) {
                if (c != target) {
                    chosen.add(c);
                }
            }
        } else {
            Set<Integer> seen = new LinkedHashSet<>();
            for (String name : featureColumns.split(",")) {
                int c = column(owner, t, name.strip(), "featureColumns");
                if (c == target) {
                    throw new ConfigurationException(owner + ": parameter 'featureColumns' names the target column "
                            + Excerpt.quote(name.strip()) + " as a feature");
                }
                if (!seen.add(c)) {
                    throw new ConfigurationException(owner + ": parameter 'featureColumns' names "
                            + Excerpt.quote(name.strip()) + " twice");
                }
            }
            chosen.addAll(seen);
        }
        int n = t.rows();
        int k = chosen.size();
        double[] x = new double[n * k];
        double[] y = t.column(target);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            int c = chosen.get(j);
            names.add(t.hasHeader() ? t.header().get(c) : "column " + (c + 1));
            for (int i = 0; i < n; i++) {
                x[i * k + j] = t.get(i, c);
            }
        }
        String targetName = t.hasHeader() ? t.header().get(target) : "column " + (target + 1);
        return new DataTable(file, names, targetName, x, y);
    }

    private static int column(String owner, CsvTable t, String name, String parameter) {
        if (!t.hasHeader()) {
            throw new ConfigurationException(owner + ": parameter '" + parameter + "' names columns, but "
                    + t.name() + " has no header row; add one (e.g. x1,x2,y) or leave " + parameter + " out");
        }
        try {
            return t.columnIndex(name);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(owner + ": parameter '" + parameter + "': " + e.getMessage());
        }
    }

    /** The rows as regression data (inputs x, responses y). */
    public RegressionData regression() {
        int n = size();
        int k = featureCount();
        double[][] inputs = new double[n][k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * k, inputs[i], 0, k);
        }
        return new RegressionData(inputs, y);
    }

    /** The targets as labels in {0, 1}, refusing any other value with its row. */
    public double[] labels(String owner) {
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new ConfigurationException(owner + ": the target column '" + target + "' of " + source
                        + " has " + Parameter.format(y[i]) + " in data row " + (i + 1) + "; a logistic regression's"
                        + " labels are 0 or 1");
            }
        }
        return y.clone();
    }
}
