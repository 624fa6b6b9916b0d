package org.varflow.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.varflow.cli.Main;

/** Runs the command in-process, and reads its tables without the columns that hold wall times. */
record Tables(int code, String out, String err) {

    static Tables sweep(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "sweep";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Tables(code, out.toString(), err.toString());
    }

    /** A CSV table's lines with every column whose name starts with 'wall' left out. */
    static List<String> withoutWallTimes(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = fields(line);
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                if (!header.get(i).startsWith("wall")) {
                    kept.add(cells.get(i));
                }
            }
            out.add(String.join("|", kept));
        }
        return out;
    }

    /** A CSV line's fields (quoted fields may hold commas). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
