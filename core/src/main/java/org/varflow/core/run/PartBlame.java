package org.varflow.core.run;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.varflow.api.PartFailureException;
import org.varflow.api.PartKind;
import org.varflow.api.io.Excerpt;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.core.assembly.ResolvedPart;
import org.varflow.core.discovery.PluginDiscovery;

/**
 * Names the part that failed: walks the stack of what was thrown from its top and blames the first part whose code
 * is on it (the part object, or the factory that made it, compared by top-level class: inner classes and lambdas of
 * a part are the part). When no part's code is on the stack, the scheme, which made the call, is blamed. The message
 * names the part, its plugin and jar, where in the run it failed, the method it failed in and what it threw.
 */
public final class PartBlame {
    private PartBlame() {
    }

    /** Errors a part may raise that are faults of the part (not of the machine, like running out of memory). */
    public static boolean isPartFault(Throwable t) {
        return t instanceof RuntimeException || t instanceof StackOverflowError || t instanceof LinkageError
                || t instanceof AssertionError;
    }

    /**
     * The failure of a part of {@code assembled}.
     *
     * @param where where in the run, e.g. "at step 3 (t = 0.02 -> 0.03), particle 0"
     */
    public static PartFailureException of(AssembledFlow assembled, Throwable thrown, String where) {
        return of(assembled, thrown.getStackTrace(), describe(thrown), where, thrown);
    }

    /**
     * The part whose code is on {@code frames} (e.g. the stack of a thread that called {@code System.exit}), which
     * did {@code what}.
     */
    public static PartFailureException of(AssembledFlow assembled, StackTraceElement[] frames, String what,
                                          String where) {
        return of(assembled, frames, what, where, null);
    }

    private static PartFailureException of(AssembledFlow assembled, StackTraceElement[] frames, String what,
                                           String where, Throwable cause) {
        Map<PartKind, List<String>> classes = partClasses(assembled);
        PartKind blamed = PartKind.SCHEME;
        StackTraceElement at = null;
        // first the part's own classes and their inner classes and lambdas, then anything in the same file
        search:
        for (boolean exact : new boolean[] {true, false}) {
            for (StackTraceElement frame : frames) {
                for (PartKind kind : ORDER) {
                    for (String c : classes.getOrDefault(kind, List.of())) {
                        String name = frame.getClassName();
                        if (exact ? name.equals(c) || name.startsWith(c + "$") : topLevel(name).equals(topLevel(c))) {
                            blamed = kind;
                            at = frame;
                            break search;
                        }
                    }
                }
            }
        }
        ResolvedPart part = assembled.part(blamed);
        String source = PluginDiscovery.sourceOf(part.factory().getClass());
        StringBuilder m = new StringBuilder(part.label()).append(" (plugin ").append(part.plugin()).append(' ')
                .append(part.pluginVersion()).append(", ").append(Excerpt.path(source)).append(") failed ")
                .append(where);
        if (at != null) {
            m.append(", in ").append(simpleName(at.getClassName())).append('.').append(at.getMethodName());
        }
        m.append(": ").append(what).append(". This is a fault in the part, not in your input: report it"
                + " to the plugin's authors" + (cause == null ? "" : " (set VARFLOW_DEBUG=1 for the stack trace)"));
        return new PartFailureException(m.toString(), blamed, part.id(), part.plugin(), source, cause);
    }

    /** Parts are searched in this order when one class serves several (the energy is the likeliest culprit). */
    private static final List<PartKind> ORDER = List.of(PartKind.ENERGY, PartKind.METRIC, PartKind.NOISE,
            PartKind.ENTROPY, PartKind.SPACE, PartKind.SCHEME);

    private static Map<PartKind, List<String>> partClasses(AssembledFlow assembled) {
        Map<PartKind, List<String>> out = new EnumMap<>(PartKind.class);
        var flow = assembled.flow();
        for (PartKind kind : PartKind.values()) {
            List<String> names = new ArrayList<>();
            ResolvedPart part = assembled.part(kind);
            Object instance = switch (kind) {
                case SPACE -> flow.space();
                case METRIC -> flow.metric();
                case ENERGY -> flow.energy();
                case ENTROPY -> flow.entropy();
                case NOISE -> flow.noise();
                case SCHEME -> assembled.scheme();
            };
            if (instance != null && !instance.getClass().getName().startsWith("java.")) {
                names.add(lambdaHost(instance.getClass().getName()));
            }
            if (part != null) {
                names.add(part.factory().getClass().getName());
            }
            out.put(kind, names);
        }
        return out;
    }

    /** A lambda's class ({@code Outer$$Lambda$12/0x...}) runs its code in {@code Outer}. */
    private static String lambdaHost(String className) {
        int lambda = className.indexOf("$$Lambda");
        return lambda < 0 ? className : className.substring(0, lambda);
    }

    private static String topLevel(String className) {
        int dollar = className.indexOf('$');
        return dollar < 0 ? className : className.substring(0, dollar);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String describe(Throwable t) {
        if (t instanceof StackOverflowError) {
            return "StackOverflowError (it called itself without end)";
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getName();
        }
        String shown = m.length() > 300 ? m.substring(0, 300) + "..." : m;
        return t.getClass().getName() + ": " + Excerpt.message(shown).replace('\n', ' ');
    }
}
