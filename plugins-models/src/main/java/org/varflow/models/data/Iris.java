package org.varflow.models.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.varflow.api.io.CsvTable;

/**
 * The iris data shipped as {@value #RESOURCE} (Fisher 1936; source and licence in the README beside it): 150 rows of
 * sepal length, sepal width, petal length, petal width (cm) and the species.
 */
public final class Iris {
    /** Classpath location of the data. */
    public static final String RESOURCE = "/org/varflow/models/data/iris.csv";
    /** The four measurements, in column order. */
    public static final List<String> FEATURES = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");

    /**
     * One flower.
     *
     * @param features the four measurements in the order of {@link #FEATURES}
     * @param species  setosa, versicolor or virginica
     */
    public record Row(double[] features, String species) {
        public Row {
            features = features.clone();
        }

        @Override
        public double[] features() {
            return features.clone();
        }

        public double feature(int j) {
            return features[j];
        }
    }

    /**
     * A two-class task: the rows of {@code negative} (label 0) then those of {@code positive} (label 1), with the
     * first k measurements standardised (mean 0, standard deviation 1 over the task's rows).
     *
     * @param x      n x k standardised features, row-major
     * @param y      labels in {0, 1}
     * @param k      features per row
     * @param mean   the means removed
     * @param scale  the standard deviations divided by
     */
    public record Binary(double[] x, double[] y, int k, double[] mean, double[] scale) {
        public Binary {
            x = x.clone();
            y = y.clone();
            mean = mean.clone();
            scale = scale.clone();
        }

        public int size() {
            return y.length;
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }

    private Iris() {
    }

    /** All 150 rows. */
    public static List<Row> rows() {
        return Holder.ROWS;
    }

    /** Setosa (0) against versicolor (1) on the first k in 1..4 measurements, standardised. */
    public static Binary setosaVersicolor(int k) {
        return binary("setosa", "versicolor", k);
    }

    /** {@code negative} (0) against {@code positive} (1) on the first k in 1..4 measurements, standardised. */
    public static Binary binary(String negative, String positive, int k) {
        if (k < 1 || k > 4) {
            throw new IllegalArgumentException("the iris data have 1 to 4 features, asked for " + k);
        }
        List<Row> chosen = new ArrayList<>();
        List<Double> labels = new ArrayList<>();
        for (String species : List.of(negative, positive)) {
            for (Row r : rows()) {
                if (r.species().equals(species)) {
                    chosen.add(r);
                    labels.add(species.equals(positive) ? 1.0 : 0.0);
                }
            }
        }
        int n = chosen.size();
        if (n == 0) {
            throw new IllegalArgumentException("no rows of species " + negative + " or " + positive);
        }
        double[] mean = new double[k];
        double[] scale = new double[k];
        for (Row r : chosen) {
            for (int j = 0; j < k; j++) {
                mean[j] += r.feature(j) / n;
            }
        }
        for (Row r : chosen) {
            for (int j = 0; j < k; j++) {
                scale[j] += (r.feature(j) - mean[j]) * (r.feature(j) - mean[j]) / n;
            }
        }
        for (int j = 0; j < k; j++) {
            scale[j] = Math.sqrt(scale[j]);
        }
        double[] x = new double[n * k];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                x[i * k + j] = (chosen.get(i).feature(j) - mean[j]) / scale[j];
            }
            y[i] = labels.get(i);
        }
        return new Binary(x, y, k, mean, scale);
    }

    private static final class Holder {
        static final List<Row> ROWS = load();

        private static List<Row> load() {
            try (InputStream in = Iris.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the iris data " + RESOURCE + " are missing from the classpath");
                }
                CsvTable table = CsvTable.read(in, RESOURCE, CsvTable.Format.STRICT.withLabelColumn(FEATURES.size()));
                if (table.columns() != FEATURES.size()) {
                    throw new IllegalStateException(RESOURCE + " has " + table.columns() + " measurements per row");
                }
                List<Row> rows = new ArrayList<>();
                for (int i = 0; i < table.rows(); i++) {
                    rows.add(new Row(table.row(i), table.label(i)));
                }
                return List.copyOf(rows);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }
}
