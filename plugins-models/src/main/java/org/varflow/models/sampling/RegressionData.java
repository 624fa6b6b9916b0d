package org.varflow.models.sampling;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.varflow.api.ConfigurationException;
import org.varflow.api.io.CsvTable;
import org.varflow.api.io.IoErrors;

/**
 * A regression data set: n rows of k inputs x_i and a response y_i, read from CSV (the last column is y).
 *
 * <p>CSV format: the strict rules of {@link CsvTable}, the one reader of every table: comma-separated plain decimal
 * numbers, one example per line; lines starting with {@code #} and blank lines are skipped; the first remaining line
 * is a header only when every cell is a name. Every row must have the same number of columns (at least 2), every cell
 * a finite number; the first violation refuses the file with its line and column.
 *
 * <p>The default data set shipped with varflow ({@value #DEFAULT_RESOURCE}) is {@link #generate generated}
 * deterministically by {@code generate(DEFAULT_SEED = 5, DEFAULT_SIZE = 100)}: {@code java.util.Random(5)}, whose
 * algorithm is fixed by its specification, draws for each example in turn x = -1 + 3 U (U uniform in [0, 1), one
 * {@code nextDouble}) and then y = 0.5 - 1.0 x + 0.5 Z (Z one {@code nextGaussian}); both are written with six
 * decimals. So the generating model is y = w0 + w1 x + noise with w = (0.5, -1), x ~ U(-1, 2), noise sd 0.5.
 *
 * @param inputs    n x k, by rows
 * @param responses n
 */
public record RegressionData(double[][] inputs, double[] responses) {
    /** Classpath location of the default data set. */
    public static final String DEFAULT_RESOURCE = "/org/varflow/models/sampling/linear-regression.csv";
    /** Seed of the default data set. */
    public static final long DEFAULT_SEED = 5L;
    /** Number of examples of the default data set. */
    public static final int DEFAULT_SIZE = 100;
    /** The generating weights (intercept, slope) of the default data set. */
    static final double[] TRUE_WEIGHTS = {0.5, -1.0};
    /** The generating noise standard deviation of the default data set. */
    static final double TRUE_NOISE = 0.5;

    public RegressionData {
        if (inputs.length == 0 || inputs.length != responses.length) {
            throw new IllegalArgumentException("need n >= 1 rows of inputs and as many responses (got "
                    + inputs.length + " and " + responses.length + ")");
        }
        int k = inputs[0].length;
        double[][] copy = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].length != k) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + inputs[i].length + " inputs, row 1 has"
                        + " " + k);
            }
            copy[i] = inputs[i].clone();
        }
        inputs = copy;
        responses = responses.clone();
    }

    /** Number of examples n. */
    public int size() {
        return responses.length;
    }

    /** Number of inputs k per example. */
    public int inputCount() {
        return inputs[0].length;
    }

    @Override
    public double[][] inputs() {
        double[][] copy = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            copy[i] = inputs[i].clone();
        }
        return copy;
    }

    @Override
    public double[] responses() {
        return responses.clone();
    }

    /** Rows (x_1..x_k, y), as in a {@code data} matrix parameter. */
    public static RegressionData fromRows(String owner, double[][] rows) {
        int columns = rows[0].length;
        if (columns < 2) {
            throw new ConfigurationException(owner + ": each data row needs at least 2 numbers (inputs, then the"
                    + " response y); got " + columns);
        }
        double[][] x = new double[rows.length][columns - 1];
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, x[i], 0, columns - 1);
            y[i] = rows[i][columns - 1];
        }
        return new RegressionData(x, y);
    }

    /** Reads a CSV file with the one strict reader ({@link CsvTable}; see the class comment for the format). */
    public static RegressionData readCsv(Path file) {
        return of(CsvTable.read(file));
    }

    /** Parses CSV text with the one strict reader; {@code name} is used in messages (a file name). */
    public static RegressionData parse(Reader reader, String name) {
        try {
            return of(CsvTable.parse(reader, name));
        } catch (IOException e) {
            throw new ConfigurationException("cannot read data " + name + ": " + IoErrors.reason(e));
        }
    }

    /** The rows of a table: inputs x_1..x_k, then the response y. */
    private static RegressionData of(CsvTable table) {
        if (table.columns() < 2) {
            throw new ConfigurationException(table.name() + ": each row needs at least 2 columns (inputs, then the"
                    + " response y); got " + table.columns());
        }
        double[][] rows = new double[table.rows()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = table.row(i);
        }
        return fromRows(table.name(), rows);
    }

    /** The default data set shipped as {@value #DEFAULT_RESOURCE}. */
    public static RegressionData defaultData() {
        return DefaultHolder.DATA;
    }

    /**
     * The CSV text of the generated data set: a comment naming the model and seed, the header {@code x,y}, and n rows
     * drawn as described in the class comment.
     */
    public static String generate(long seed, int n) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder();
        csv.append("# varflow default data for bayes-linear-regression, made by RegressionData.generate(")
                .append(seed).append(", ").append(n).append(")\n")
                .append("# java.util.Random(").append(seed).append("): per row x = -1 + 3 nextDouble(),"
                        + " then y = 0.5 - 1.0 x + 0.5 nextGaussian()\n")
                .append("x,y\n");
        for (int i = 0; i < n; i++) {
            double x = -1 + 3 * random.nextDouble();
            double y = TRUE_WEIGHTS[0] + TRUE_WEIGHTS[1] * x + TRUE_NOISE * random.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.6f,%.6f%n", x, y).replace(System.lineSeparator(), "\n"));
        }
        return csv.toString();
    }

    /** Writes the default data set: {@code java ... RegressionData FILE} regenerates the shipped resource. */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), generate(DEFAULT_SEED, DEFAULT_SIZE), StandardCharsets.UTF_8);
    }

    /** Loads the resource once, on first use. */
    private static final class DefaultHolder {
        static final RegressionData DATA = load();

        private static RegressionData load() {
            try (InputStream in = RegressionData.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is missing from the jar");
                }
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULT_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
