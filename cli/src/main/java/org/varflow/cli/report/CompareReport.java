package org.varflow.cli.report;

import java.util.List;
import org.varflow.cli.plot.RunPlots;

/**
 * The page {@code varflow compare --report DIR} writes beside the per-run pages: the comparison table, the overlay
 * plots and, for each composition, its decomposition. Self-contained like {@link RunReport}.
 */
public final class CompareReport {
    private CompareReport() {
    }

    /**
     * One comparison page's content.
     *
     * @param title    the heading
     * @param intro    one paragraph saying what was compared and how the table is computed
     * @param header   the table's column names
     * @param rows     one row per composition
     * @param overlays the overlay plots
     * @param runs     each composition's page content (shown without its plots)
     * @param pages    the file name of each composition's own page (with its plots), in the same directory
     */
    public static String html(String title, String intro, List<String> header, List<List<String>> rows,
                              List<RunPlots.Named> overlays, List<RunReport.Page> runs, List<String> pages) {
        StringBuilder b = new StringBuilder(1 << 16);
        Html.open(b, "varflow: " + title);
        b.append("<h1>").append(Html.esc(title)).append("</h1>\n");
        b.append("<p class=\"sub\">").append(Html.esc(intro)).append("</p>\n");
        b.append("<h2>Comparison</h2>\n");
        Html.table(b, header, rows, true);
        if (!overlays.isEmpty()) {
            b.append("<h2>Overlays</h2>\n");
            for (RunPlots.Named c : overlays) {
                Html.figure(b, c);
            }
        }
        for (int i = 0; i < runs.size(); i++) {
            RunReport.Page run = runs.get(i);
            b.append("<h2>").append(Html.esc(run.label())).append("</h2>\n");
            RunReport.section(b, new RunReport.Page(run.label(), run.assembled(), run.preset(), run.summary(),
                    run.summaryJson(), run.unifying(), List.of()), 3);
            b.append("<p class=\"note\">Its plots are on its own page, <code>").append(Html.esc(pages.get(i)))
                    .append("</code>, in the same directory.</p>\n");
        }
        Html.close(b);
        return b.toString();
    }
}
