package org.varflow.api.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.varflow.api.ConfigurationException;

/**
 * A table of finite numbers read from CSV text, strictly: the one reader of every CSV input (samples, weights, data
 * sets), so that every file is read by the same rules and refused the same way.
 *
 * <ul>
 *   <li>UTF-8, with or without a byte-order mark; cells separated by commas (spaces around a cell are ignored);
 *       blank lines and lines starting with {@code #} are skipped.</li>
 *   <li>The first row is a <b>header</b> when every one of its cells is a name (it starts with a letter or
 *       {@code _} and is not a number); a first row with some names and some numbers is refused.</li>
 *   <li>Every other row must parse completely: each cell a plain decimal number ({@code -1.5}, {@code 2e-3}; not
 *       hexadecimal, not {@code 1d}, not NaN or infinity), no empty cells, the same number of cells in every row.
 *       The first violation refuses the file with its line and column and the offending text, quoted and
 *       shortened.</li>
 *   <li>At most {@code maxBytes} are read, whatever the file claims to be (a device or a pipe is read the same way
 *       and stopped at the limit).</li>
 * </ul>
 *
 * @param name    how messages name the input (a file name)
 * @param header  the column names, empty when the file has no header
 * @param rows    the number of data rows
 * @param columns the number of columns
 * @param values  the numbers, row-major rows x columns (a copy on the way in and out)
 */
public record CsvTable(String name, List<String> header, int rows, int columns, double[] values) {
    /** The default limit on the bytes read: 256 MiB. */
    public static final long DEFAULT_MAX_BYTES = 256L << 20;

    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_ .()\\[\\]/^*-]*");

    public CsvTable {
        Objects.requireNonNull(name, "name");
        header = List.copyOf(header);
        values = values.clone();
        if (values.length != (long) rows * columns) {
            throw new IllegalArgumentException(values.length + " values for " + rows + " x " + columns);
        }
        if (!header.isEmpty() && header.size() != columns) {
            throw new IllegalArgumentException(header.size() + " names for " + columns + " columns");
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Whether the file had a header row. */
    public boolean hasHeader() {
        return !header.isEmpty();
    }

    /** The number in a row and column. */
    public double get(int row, int column) {
        return values[row * columns + column];
    }

    /** One row (a copy). */
    public double[] row(int row) {
        return Arrays.copyOfRange(values, row * columns, (row + 1) * columns);
    }

    /** One column (a copy). */
    public double[] column(int column) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = values[i * columns + column];
        }
        return out;
    }

    /**
     * The index of a named column.
     *
     * @throws ConfigurationException naming the columns there are, when none has this name or there is no header
     */
    public int columnIndex(String columnName) {
        int i = header.indexOf(columnName);
        if (i < 0) {
            throw new ConfigurationException(name + " has no column " + Excerpt.quote(columnName) + "; "
                    + (header.isEmpty() ? "it has no header row naming its columns" : "its columns are " + header));
        }
        return i;
    }

    /** Reads a file with the default byte limit. */
    public static CsvTable read(Path file) {
        return read(file, DEFAULT_MAX_BYTES);
    }

    /**
     * Reads a file, reading at most {@code maxBytes}.
     *
     * @throws ConfigurationException for a file that cannot be read (saying why) or is not a valid table
     */
    public static CsvTable read(Path file, long maxBytes) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), maxBytes);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("cannot read " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ConfigurationException("cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw new ConfigurationException("cannot read " + file + ": " + reason(e));
        }
    }

    /** Reads a stream (not closed here); {@code name} names it in messages. */
    public static CsvTable read(InputStream in, String name, long maxBytes) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return parse(new InputStreamReader(new Limited(in, maxBytes, name), decoder), name);
        } catch (CharacterCodingException e) {
            throw new ConfigurationException(name + " is not UTF-8 text");
        }
    }

    /** Parses CSV text from a reader (not closed here); {@code name} names it in messages. */
    public static CsvTable parse(Reader reader, String name) throws IOException {
        Lines lines = new Lines(reader);
        List<String> header = List.of();
        List<double[]> data = new ArrayList<>();
        int columns = -1;
        boolean first = true;
        for (String line = lines.next(); line != null; line = lines.next()) {
            String text = first && !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
            if (text.isBlank() || text.stripLeading().startsWith("#")) {
                continue;
            }
            String[] cells = text.split(",", -1);
            if (first) {
                first = false;
                if (isHeader(cells, name, lines.number())) {
                    List<String> names = new ArrayList<>();
                    for (String c : cells) {
                        names.add(c.strip());
                    }
                    header = names;
                    columns = cells.length;
                    continue;
                }
            }
            if (columns >= 0 && cells.length != columns) {
                throw new ConfigurationException(name + ", line " + lines.number() + ": " + cells.length
                        + (cells.length == 1 ? " cell" : " cells") + ", but " + (header.isEmpty() ? "the first row"
                        : "the header") + " has " + columns + " (cells are separated by commas)");
            }
            columns = cells.length;
            double[] row = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                row[c] = number(cells[c].strip(), name, lines.number(), c + 1);
            }
            data.add(row);
        }
        if (data.isEmpty()) {
            throw new ConfigurationException(name + " holds no rows of numbers" + (header.isEmpty() ? ""
                    : " (only the header " + header + ")"));
        }
        double[] values = new double[data.size() * columns];
        for (int r = 0; r < data.size(); r++) {
            System.arraycopy(data.get(r), 0, values, r * columns, columns);
        }
        return new CsvTable(name, header, data.size(), columns, values);
    }

    /** A first row of names only is a header; names mixed with numbers or empty cells are refused. */
    private static boolean isHeader(String[] cells, String name, long line) {
        int names = 0;
        for (String c : cells) {
            String t = c.strip();
            if (!NUMBER.matcher(t).matches() && NAME.matcher(t).matches() && !isNonFinite(t)) {
                names++;
            }
        }
        if (names == 0) {
            return false;
        }
        if (names == cells.length) {
            return true;
        }
        for (int c = 0; c < cells.length; c++) {
            String t = cells[c].strip();
            if (NUMBER.matcher(t).matches()) {
                throw new ConfigurationException(name + ", line " + line + ", column " + (c + 1) + ": the first row"
                        + " mixes names and numbers (" + Excerpt.quote(t) + " is a number); a header names every"
                        + " column, a data row has a number in every column");
            }
        }
        for (int c = 0; c < cells.length; c++) {
            String t = cells[c].strip();
            if (!NAME.matcher(t).matches() || isNonFinite(t)) {
                throw new ConfigurationException(name + ", line " + line + ", column " + (c + 1) + ": "
                        + (t.isEmpty() ? "an empty cell" : Excerpt.quote(t) + " is neither a number nor a column"
                        + " name") + " in the first row");
            }
        }
        return true;
    }

    private static boolean isNonFinite(String t) {
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        return lower.equals("nan") || lower.equals("inf") || lower.equals("infinity");
    }

    private static double number(String cell, String name, long line, int column) {
        if (cell.isEmpty()) {
            throw new ConfigurationException(name + ", line " + line + ", column " + column + ": an empty cell");
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw new ConfigurationException(name + ", line " + line + ", column " + column + ": "
                    + Excerpt.quote(cell) + " is not a number (expected a plain decimal such as -1.5 or 2e-3)");
        }
        double v = Double.parseDouble(cell);
        if (!Double.isFinite(v)) {
            throw new ConfigurationException(name + ", line " + line + ", column " + column + ": "
                    + Excerpt.quote(cell) + " is too large for a double (at most about 1.8e308)");
        }
        return v;
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Reads lines and counts them, like BufferedReader but for a long-lived count. */
    private static final class Lines {
        private final java.io.BufferedReader in;
        private long number;

        Lines(Reader reader) {
            this.in = reader instanceof java.io.BufferedReader b ? b : new java.io.BufferedReader(reader);
        }

        String next() throws IOException {
            String line = in.readLine();
            if (line != null) {
                number++;
            }
            return line;
        }

        long number() {
            return number;
        }
    }

    /** A stream that refuses to deliver more than a limit of bytes. */
    private static final class Limited extends java.io.FilterInputStream {
        private final long limit;
        private final String name;
        private long read;

        Limited(InputStream in, long limit, String name) {
            super(in);
            this.limit = limit;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new ConfigurationException(name + " is larger than " + (limit >> 20) + " MiB, the limit for"
                        + " a table read into memory");
            }
        }
    }
}
