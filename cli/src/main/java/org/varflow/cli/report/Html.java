package org.varflow.cli.report;

import java.util.Base64;
import java.util.List;
import org.varflow.cli.plot.PlotFiles;
import org.varflow.cli.plot.RunPlots;

/** Small helpers for writing self-contained HTML: escaping, tables, embedded images, the page frame. */
final class Html {
    private static final String STYLE = """
            body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;max-width:1100px;margin:2em auto;\
            padding:0 1em;color:#222;line-height:1.45}
            h1{font-size:1.7em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ddd}
            .sub{color:#666;margin-top:0}
            table{border-collapse:collapse;margin:.6em 0}th,td{border:1px solid #ddd;padding:.3em .6em;\
            text-align:left;vertical-align:top}th{background:#f4f6f8}
            td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            code,pre{font-family:'SFMono-Regular',Consolas,'Liberation Mono',monospace;font-size:.92em}
            pre{background:#f6f8fa;padding:.7em;overflow-x:auto;border-radius:4px}
            .math{font-family:'Cambria Math','STIX Two Math','Latin Modern Math','Times New Roman',serif;\
            font-size:1.12em;background:#f6f8fa;padding:.6em .9em;border-radius:4px;white-space:pre-wrap;\
            overflow-wrap:anywhere}
            figure{margin:1.2em 0}figcaption{color:#555;font-size:.92em}img{width:100%;height:auto;\
            border:1px solid #eee}
            .note{color:#555;font-size:.92em}
            """;

    private Html() {
    }

    static String esc(Object o) {
        String s = String.valueOf(o);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static void open(StringBuilder b, String title) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    static void close(StringBuilder b) {
        b.append("</body>\n</html>\n");
    }

    static void table(StringBuilder b, List<String> header, List<List<String>> rows, boolean firstIsText) {
        b.append("<table>\n<tr>");
        for (String h : header) {
            b.append("<th>").append(esc(h)).append("</th>");
        }
        b.append("</tr>\n");
        for (List<String> row : rows) {
            b.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                boolean num = !(firstIsText && i == 0) && isNumber(row.get(i));
                b.append(num ? "<td class=\"num\">" : "<td>").append(esc(row.get(i))).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The chart as an embedded PNG (a data: URI), with its caption. */
    static void figure(StringBuilder b, RunPlots.Named chart) {
        byte[] png = PlotFiles.png(chart.chart());
        b.append("<figure>\n<img alt=\"").append(esc(chart.caption())).append("\" width=\"")
                .append(chart.chart().getWidth()).append("\" height=\"").append(chart.chart().getHeight())
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                .append("\">\n<figcaption>").append(esc(chart.caption())).append("</figcaption>\n</figure>\n");
    }

    /** A formula, typeset ({@link MathText}) and wrapped to the page. */
    static void math(StringBuilder b, String ascii) {
        b.append("<div class=\"math\">").append(MathText.html(ascii)).append("</div>\n");
    }

    /** An animated GIF, embedded, with its caption. */
    static void animation(StringBuilder b, byte[] gif, String caption) {
        b.append("<figure>\n<img alt=\"").append(esc(caption)).append("\" src=\"data:image/gif;base64,")
                .append(Base64.getEncoder().encodeToString(gif)).append("\">\n<figcaption>").append(esc(caption))
                .append("</figcaption>\n</figure>\n");
    }

    static void pre(StringBuilder b, String text) {
        b.append("<pre>").append(esc(text)).append("</pre>\n");
    }
}
