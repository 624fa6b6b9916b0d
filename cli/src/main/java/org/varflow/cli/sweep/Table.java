package org.varflow.cli.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A finished table of a sweep: named, typed columns and rows of values ({@code String}, {@code Long},
 * {@code Double}, {@code Boolean} or null). Engines write it in their formats (Parquet); {@link #csv()} is the
 * command's. Numbers are written in Java's shortest round-trip form, so a CSV value reads back to the same double.
 *
 * @param name    the file name without extension, e.g. {@code runs}
 * @param columns the columns
 * @param rows    the rows, each with one value per column
 */
public record Table(String name, List<Column> columns, List<List<Object>> rows) {
    /** A column's type. */
    public enum Type { STRING, LONG, DOUBLE, BOOLEAN }

    /**
     * A column.
     *
     * @param name its name
     * @param type the type of its values
     */
    public record Column(String name, Type type) {
    }

    public Table {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("table " + name + ": a row of " + r.size() + " values for "
                        + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(r)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** The values of one column. */
    public List<Object> column(String column) {
        int i = indexOf(column);
        List<Object> out = new ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            out.add(r.get(i));
        }
        return out;
    }

    /** The index of a column, or -1. */
    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** The table as CSV with a header line; null and NaN are empty cells; text holding commas or quotes is quoted. */
    public String csv() {
        StringBuilder b = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (Column c : columns) {
            header.add(cell(c.name()));
        }
        b.append(String.join(",", header)).append('\n');
        for (List<Object> r : rows) {
            List<String> cells = new ArrayList<>(r.size());
            for (Object v : r) {
                cells.add(cell(v));
            }
            b.append(String.join(",", cells)).append('\n');
        }
        return b.toString();
    }

    private static String cell(Object v) {
        if (v == null || (v instanceof Double d && d.isNaN())) {
            return "";
        }
        String s = v.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
