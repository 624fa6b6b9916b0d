package org.varflow.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.varflow.api.Parameter;
import org.varflow.api.PartKind;
import org.varflow.api.Preset;
import org.varflow.cli.plot.RunPlots;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.core.assembly.ResolvedPart;

/**
 * One self-contained HTML page for a run: the decomposition (five parts and the scheme, with every parameter), the
 * equation, the run's length and seed, the summary and the plots embedded as PNG data. It references nothing outside
 * itself, so it can be mailed, attached or projected as it is.
 */
public final class RunReport {
    private RunReport() {
    }

    /**
     * What a page shows.
     *
     * @param label       the run's name (title)
     * @param assembled   what ran: parts with factories and resolved parameters
     * @param preset      the preset it started from, or null
     * @param summary     the JSON summary as a map
     * @param summaryJson the same, as indented JSON text
     * @param unifying    the unifying equation's text
     * @param charts      the plots
     * @param animation   an animated GIF of the run's law, or null
     */
    public record Page(String label, AssembledFlow assembled, Preset preset, Map<String, Object> summary,
                       String summaryJson, String unifying, List<RunPlots.Named> charts, byte[] animation) {
        /** A page without an animation. */
        public Page(String label, AssembledFlow assembled, Preset preset, Map<String, Object> summary,
                    String summaryJson, String unifying, List<RunPlots.Named> charts) {
            this(label, assembled, preset, summary, summaryJson, unifying, charts, null);
        }
    }

    /** The whole page. */
    public static String html(Page page) {
        StringBuilder b = new StringBuilder(1 << 16);
        Html.open(b, "varflow: " + page.label());
        b.append("<h1>").append(Html.esc(page.label())).append("</h1>\n");
        b.append("<p class=\"sub\">").append(Html.esc(subtitle(page))).append("</p>\n");
        section(b, page, 2);
        Html.close(b);
        return b.toString();
    }

    /** The body of a run's page (decomposition to plots), with headings at {@code level}; used by compare too. */
    static void section(StringBuilder b, Page page, int level) {
        String h = "h" + level;
        b.append('<').append(h).append(">Decomposition</").append(h).append(">\n");
        decomposition(b, page.assembled());
        b.append('<').append(h).append(">Equation</").append(h).append(">\n");
        equation(b, page);
        b.append('<').append(h).append(">Run</").append(h).append(">\n");
        run(b, page.summary());
        b.append('<').append(h).append(">Summary</").append(h).append(">\n");
        summary(b, page.summary());
        b.append("<details><summary>The full JSON summary (a spec file: <code>varflow run --spec FILE</code> repeats"
                + " the run)</summary>\n");
        Html.pre(b, page.summaryJson());
        b.append("</details>\n");
        if (!page.charts().isEmpty() || page.animation() != null) {
            b.append('<').append(h).append(">Plots</").append(h).append(">\n");
            for (RunPlots.Named c : page.charts()) {
                Html.figure(b, c);
            }
            if (page.animation() != null) {
                Html.animation(b, page.animation(), "The law at every observation (an animation)");
            }
        }
    }

    private static String subtitle(Page page) {
        Object wall = page.summary().get("wallSeconds");
        return (page.preset() != null ? "preset " + page.preset().id() + " - " + page.preset().summary()
                : "a composition of five parts and a scheme") + (wall instanceof Number n
                ? String.format(Locale.ROOT, " (%.3g s)", n.doubleValue()) : "");
    }

    static void decomposition(StringBuilder b, AssembledFlow assembled) {
        List<List<String>> rows = new ArrayList<>();
        for (PartKind kind : PartKind.values()) {
            ResolvedPart p = assembled.part(kind);
            rows.add(List.of(kind.label(), p.id(), p.factory().summary(), parameters(p.parameters().asMap())));
        }
        Html.table(b, List.of("part", "id", "what it is", "parameters"), rows, true);
    }

    /**
     * The equations: the preset's continuous flow when the run kept the preset's parts (else the note that it
     * changed them, and why the preset's equation no longer applies), the update of the scheme that actually ran,
     * and the unifying equation with its symbols named after the parts that fill them. Typeset from the ASCII
     * formulas ({@link MathText}), wrapped to the page.
     */
    private static void equation(StringBuilder b, Page page) {
        AssembledFlow a = page.assembled();
        Preset preset = page.preset();
        if (preset != null) {
            List<String> changed = new ArrayList<>();
            for (PartKind kind : PartKind.values()) {
                if (!preset.spec().part(kind).id().equals(a.part(kind).id())) {
                    changed.add(kind.label() + " (" + a.part(kind).id() + " instead of "
                            + preset.spec().part(kind).id() + ")");
                }
            }
            if (changed.isEmpty()) {
                b.append("<p>The equation of preset <code>").append(Html.esc(preset.id())).append("</code>:</p>\n");
                Html.math(b, preset.equation());
            } else {
                b.append("<p>This run changes preset <code>").append(Html.esc(preset.id())).append("</code> in its ")
                        .append(Html.esc(String.join(", ", changed))).append(", so the preset's own equation does not"
                        + " describe it; the scheme's update and the unifying equation below do.</p>\n");
            }
        }
        var scheme = a.part(PartKind.SCHEME);
        if (!scheme.factory().formula().isBlank()) {
            b.append("<p>The update of the scheme that ran, <code>").append(Html.esc(scheme.id())).append("</code> (")
                    .append(Html.esc(scheme.factory().summary())).append("):</p>\n");
            Html.math(b, scheme.factory().formula());
        }
        b.append("<p>The unifying equation, one flow seen at two levels, with K the inverse metric (")
                .append(Html.esc(a.part(PartKind.METRIC).label())).append("), E the energy (")
                .append(Html.esc(a.part(PartKind.ENERGY).label())).append("), \u03b2<sup>-1</sup> the temperature (")
                .append(Html.esc(a.part(PartKind.ENTROPY).label())).append("), what fluctuates (")
                .append(Html.esc(a.part(PartKind.NOISE).label())).append("), discretised by ")
                .append(Html.esc(a.part(PartKind.SCHEME).label())).append(":</p>\n");
        Html.math(b, page.unifying().stripIndent().strip());
    }

    private static void run(StringBuilder b, Map<String, Object> s) {
        List<List<String>> rows = new ArrayList<>();
        for (String key : List.of("steps", "dt", "time", "particles", "seed", "wallSeconds")) {
            if (s.containsKey(key)) {
                rows.add(List.of(key.equals("wallSeconds") ? "wall time (s)" : key, show(s.get(key))));
            }
        }
        Html.table(b, List.of("", "value"), rows, true);
    }

    private static void summary(StringBuilder b, Map<String, Object> s) {
        List<List<String>> rows = new ArrayList<>();
        for (String key : List.of("energyInitial", "energy", "freeEnergyInitial", "freeEnergy", "freeEnergyMethod")) {
            if (s.containsKey(key)) {
                rows.add(List.of(key, show(s.get(key))));
            }
        }
        if (s.get("state") instanceof Map<?, ?> state) {
            state.forEach((k, v) -> rows.add(List.of("state." + k, show(v))));
        }
        if (s.get("diagnostics") instanceof Map<?, ?> d) {
            d.forEach((k, v) -> rows.add(List.of("diagnostics." + k, show(v))));
        }
        if (s.get("scheme") instanceof Map<?, ?> d) {
            d.forEach((k, v) -> rows.add(List.of("scheme." + k, show(v))));
        }
        if (s.get("observers") instanceof Map<?, ?> o) {
            o.forEach((id, report) -> {
                if (report instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> rows.add(List.of("observers." + id + "." + k, show(v))));
                }
            });
        }
        Html.table(b, List.of("quantity", "value"), rows, true);
    }

    static String parameters(Map<String, Object> params) {
        if (params.isEmpty()) {
            return "-";
        }
        List<String> items = new ArrayList<>();
        params.forEach((k, v) -> items.add(k + " = " + show(v)));
        return String.join(", ", items);
    }

    /** Numbers as a person would write them; lists in brackets (long lists abbreviated). */
    static String show(Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof Double d) {
            return (Math.abs(d) >= 1e-4 && Math.abs(d) < 1e6) || d == 0 ? Parameter.format(round(d))
                    : String.format(Locale.ROOT, "%.6g", d);
        }
        if (v instanceof Float f) {
            return show(f.doubleValue());
        }
        if (v instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Math.min(list.size(), 12); i++) {
                items.add(show(list.get(i)));
            }
            if (list.size() > 12) {
                items.add("... (" + list.size() + " in all)");
            }
            return "[" + String.join(", ", items) + "]";
        }
        if (v instanceof double[] a) {
            List<Object> boxed = new ArrayList<>();
            for (double x : a) {
                boxed.add(x);
            }
            return show(boxed);
        }
        return String.valueOf(v);
    }

    private static double round(double d) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.10g", d));
    }
}
