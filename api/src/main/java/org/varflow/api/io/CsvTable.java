package org.varflow.api.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 *       and stopped at the limit); a NUL character (binary data, {@code /dev/zero}) or a line longer than
 *       {@value #MAX_LINE} characters refuses the file at once.</li>
 * </ul>
 *
 * <p>Files whose layout the caller knows (a trajectory varflow wrote, a shipped data set with a column of class names)
 * are read with a {@link Format} that says so; every file a user gives is read with {@link Format#STRICT}.
 *
 * @param name    how messages name the input (a file name)
 * @param header  the column names, empty when the file has no header
 * @param rows    the number of data rows
 * @param columns the number of columns
 * @param values  the numbers, row-major rows x columns (a copy on the way in and out)
 * @param labels  the words of the label column, one per row, when the format has one; else empty
 */
public record CsvTable(String name, List<String> header, int rows, int columns, double[] values, List<String> labels) {
    /** The default limit on the bytes read: 256 MiB. */
    public static final long DEFAULT_MAX_BYTES = 256L << 20;
    /** The longest line read: 1 MiB of characters (a longer one is not a table row). */
    public static final int MAX_LINE = 1 << 20;

    private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_ .()\\[\\]/^*-]*");

    public CsvTable {
        Objects.requireNonNull(name, "name");
        header = List.copyOf(header);
        values = values.clone();
        labels = List.copyOf(labels);
        if (values.length != (long) rows * columns) {
            throw new IllegalArgumentException(values.length + " values for " + rows + " x " + columns);
        }
        if (!labels.isEmpty() && labels.size() != rows) {
            throw new IllegalArgumentException(labels.size() + " labels for " + rows + " rows");
        }
        int named = columns + (labels.isEmpty() ? 0 : 1);
        if (!header.isEmpty() && header.size() != named) {
            throw new IllegalArgumentException(header.size() + " names for " + named + " columns");
        }
    }

    /** A table without a label column. */
    public CsvTable(String name, List<String> header, int rows, int columns, double[] values) {
        this(name, header, rows, columns, values, List.of());
    }

    /**
     * How a file is read. {@link #STRICT} is the rule for every file a user gives; the other settings are for files
     * whose layout the caller knows.
     *
     * @param maxBytes      the most bytes read
     * @param headerFirst   the first row is a header whatever it holds (else: a header only when every cell is a name)
     * @param emptyIsNaN    an empty cell is a missing value, read as NaN (else: refused)
     * @param labelColumn   the index of one column of words (e.g. class names) kept as labels, or -1
     */
    public record Format(long maxBytes, boolean headerFirst, boolean emptyIsNaN, int labelColumn) {
        /** Every file a user gives: a header only of names, every cell a number, at most 256 MiB. */
        public static final Format STRICT = new Format(DEFAULT_MAX_BYTES, false, false, -1);

        public Format {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes = " + maxBytes);
            }
        }

        public Format withMaxBytes(long bytes) {
            return new Format(bytes, headerFirst, emptyIsNaN, labelColumn);
        }

        /** The first row always is the header. */
        public Format withHeaderFirst() {
            return new Format(maxBytes, true, emptyIsNaN, labelColumn);
        }

        /** Empty cells are missing values (NaN). */
        public Format withEmptyAsNaN() {
            return new Format(maxBytes, headerFirst, true, labelColumn);
        }

        /** Column {@code column} (from 0) holds words, kept as {@link CsvTable#labels()}. */
        public Format withLabelColumn(int column) {
            return new Format(maxBytes, headerFirst, emptyIsNaN, column);
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

    /** Reads a file by the {@link Format#STRICT} rules. */
    public static CsvTable read(Path file) {
        return read(file, Format.STRICT);
    }

    /**
     * Reads a file by the strict rules, reading at most {@code maxBytes}.
     *
     * @throws ConfigurationException for a file that cannot be read (saying why) or is not a valid table
     */
    public static CsvTable read(Path file, long maxBytes) {
        return read(file, Format.STRICT.withMaxBytes(maxBytes));
    }

    /**
     * Reads a file by the given rules. Devices, pipes and {@code /proc} files are read like regular files and stopped
     * at the byte limit; a pipe that nothing writes to is refused (see {@link InputFiles}).
     *
     * @throws ConfigurationException for a file that cannot be read (saying why) or is not a valid table
     */
    public static CsvTable read(Path file, Format format) {
        String name = Excerpt.path(file.toString());
        try (InputStream in = InputFiles.open(file, format.maxBytes(), "")) {
            return read(in, name, format);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read " + name + ": " + IoErrors.reason(e));
        }
    }

    /** Reads a stream (not closed here) by the strict rules; {@code name} names it in messages. */
    public static CsvTable read(InputStream in, String name, long maxBytes) throws IOException {
        return read(in, name, Format.STRICT.withMaxBytes(maxBytes));
    }

    /** Reads a stream (not closed here); {@code name} names it in messages. */
    public static CsvTable read(InputStream in, String name, Format format) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return parse(new InputStreamReader(new InputFiles.Limited(in, format.maxBytes(), name,
                    "the limit for a table read into memory"), decoder), name, format);
        } catch (CharacterCodingException e) {
            throw new ConfigurationException(name + " is not UTF-8 text");
        }
    }

    /** Parses CSV text from a reader (not closed here) by the strict rules; {@code name} names it in messages. */
    public static CsvTable parse(Reader reader, String name) throws IOException {
        return parse(reader, name, Format.STRICT);
    }

    /** Parses CSV text from a reader (not closed here); {@code name} names it in messages. */
    public static CsvTable parse(Reader reader, String name, Format format) throws IOException {
        Lines lines = new Lines(reader, name);
        List<String> header = List.of();
        List<double[]> data = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int label = format.labelColumn();
        int cellsPerRow = -1;
        boolean first = true;
        for (String line = lines.next(); line != null; line = lines.next()) {
            String text = first && !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
            if (text.isBlank() || text.stripLeading().startsWith("#")) {
                continue;
            }
            String[] cells = text.split(",", -1);
            if (first) {
                first = false;
                if (format.headerFirst() ? checkNames(cells, name, lines.number())
                        : isHeader(cells, name, lines.number(), label)) {
                    List<String> names = new ArrayList<>();
                    for (String c : cells) {
                        names.add(c.strip());
                    }
                    header = names;
                    cellsPerRow = cells.length;
                    continue;
                }
            }
            if (cellsPerRow >= 0 && cells.length != cellsPerRow) {
                throw new ConfigurationException(name + ", line " + lines.number() + ": " + cells.length
                        + (cells.length == 1 ? " cell" : " cells") + ", but " + (header.isEmpty() ? "the first row"
                        : "the header") + " has " + cellsPerRow + " (cells are separated by commas)");
            }
            cellsPerRow = cells.length;
            if (label >= cells.length) {
                throw new ConfigurationException(name + ", line " + lines.number() + ": " + cells.length
                        + " cells, but column " + (label + 1) + " should hold the label");
            }
            double[] row = new double[label >= 0 ? cells.length - 1 : cells.length];
            int k = 0;
            for (int c = 0; c < cells.length; c++) {
                String cell = cells[c].strip();
                if (c == label) {
                    if (cell.isEmpty()) {
                        throw new ConfigurationException(name + ", line " + lines.number() + ", column " + (c + 1)
                                + ": an empty label");
                    }
                    labels.add(cell);
                } else {
                    row[k++] = cell.isEmpty() && format.emptyIsNaN() ? Double.NaN
                            : number(cell, name, lines.number(), c + 1);
                }
            }
            data.add(row);
        }
        if (data.isEmpty()) {
            throw new ConfigurationException(name + " holds no rows of numbers" + (header.isEmpty() ? ""
                    : " (only the header " + Excerpt.quote(String.join(",", header)) + ")"));
        }
        int columns = data.get(0).length;
        double[] values = new double[data.size() * columns];
        for (int r = 0; r < data.size(); r++) {
            System.arraycopy(data.get(r), 0, values, r * columns, columns);
        }
        return new CsvTable(name, header, data.size(), columns, values, labels);
    }

    /** The label of a row (a table read with a label column). */
    public String label(int row) {
        if (labels.isEmpty()) {
            throw new IllegalStateException(name + " was read without a label column");
        }
        return labels.get(row);
    }

    /** A first row that must be a header: every cell a non-empty name. */
    private static boolean checkNames(String[] cells, String name, long line) {
        for (int c = 0; c < cells.length; c++) {
            if (cells[c].isBlank()) {
                throw new ConfigurationException(name + ", line " + line + ", column " + (c + 1) + ": an empty column"
                        + " name in the header");
            }
        }
        return true;
    }

    /**
     * A first row of names only is a header; names mixed with numbers or empty cells are refused. The label column,
     * whose cells are words in data rows too, does not tell.
     */
    private static boolean isHeader(String[] cells, String name, long line, int label) {
        int names = 0;
        int numbers = 0;
        for (int c = 0; c < cells.length; c++) {
            String t = cells[c].strip();
            if (c == label) {
                continue;
            }
            if (!Decimal.isPlain(t) && NAME.matcher(t).matches() && !isNonFinite(t)) {
                names++;
            } else {
                numbers++;
            }
        }
        if (names == 0) {
            return false;
        }
        if (numbers == 0) {
            return true;
        }
        for (int c = 0; c < cells.length; c++) {
            String t = cells[c].strip();
            if (c != label && Decimal.isPlain(t)) {
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
        if (!Decimal.isPlain(cell)) {
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

    /**
     * Reads lines (ended by LF, CRLF or CR) and counts them; refuses a NUL character (binary data, or a device such
     * as /dev/zero) and a line longer than {@value #MAX_LINE} characters before holding it in memory.
     */
    private static final class Lines {
        private final Reader in;
        private final String name;
        private final char[] buffer = new char[8192];
        private final StringBuilder line = new StringBuilder();
        private int position;
        private int limit;
        private boolean pendingLf;
        private long number;

        Lines(Reader reader, String name) {
            this.in = reader;
            this.name = name;
        }

        String next() throws IOException {
            line.setLength(0);
            boolean any = false;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (!any) {
                            return null;
                        }
                        number++;
                        return line.toString();
                    }
                }
                char c = buffer[position++];
                if (pendingLf) {
                    pendingLf = false;
                    if (c == '\n') {
                        continue;
                    }
                }
                any = true;
                if (c == '\n' || c == '\r') {
                    pendingLf = c == '\r';
                    number++;
                    return line.toString();
                }
                if (c == 0) {
                    throw new ConfigurationException(name + ", line " + (number + 1) + ": a NUL character: this is"
                            + " binary data, not CSV text");
                }
                if (line.length() >= MAX_LINE) {
                    throw new ConfigurationException(name + ", line " + (number + 1) + ": longer than " + MAX_LINE
                            + " characters; not a row of a table");
                }
                line.append(c);
            }
        }

        long number() {
            return number;
        }
    }
}
