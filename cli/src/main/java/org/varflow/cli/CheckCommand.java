package org.varflow.cli;

import org.varflow.api.io.Excerpt;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.varflow.Varflow;
import org.varflow.api.ConfigurationException;
import org.varflow.api.EnergyFactory;
import org.varflow.api.EntropyFactory;
import org.varflow.api.MetricFactory;
import org.varflow.api.Names;
import org.varflow.api.NoiseFactory;
import org.varflow.api.PartFactory;
import org.varflow.api.PartKind;
import org.varflow.api.SchemeFactory;
import org.varflow.api.SpaceFactory;
import org.varflow.cli.check.CheckContext;
import org.varflow.cli.check.CheckOptions;
import org.varflow.cli.check.PartCheckers;
import org.varflow.core.registry.PartRegistry;
import org.varflow.testkit.CheckResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code varflow check PART-ID}: the check kit for part authors, for every part kind. The id is looked up in every
 * kind (or the one given with {@code --kind}); each part is built with its defaults (or {@code --set}) in the
 * contexts that fit it - the registered spaces it supports, the metrics a noise is paired with, the test flows of a
 * scheme - and the kit's checks ({@link org.varflow.testkit.Checks}) run there. Prints one line per check with its
 * result, the measured figure and the allowed one, and where a failed check failed.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check a part the way Manopt's checkgradient/checkretraction do, for every part kind:",
            "  space    what it contains (a ConstrainedSpace), the initial state and sample points inside, the",
            "           tangent projection consistent with the constraint, coordinate names, base energies lifting",
            "  metric   K(x) symmetric positive definite on the tangent space, S S^T = K, div K against finite",
            "           differences, J antisymmetric, the retraction first order, the noise step through it",
            "           Ito-consistent (mean h T div K, covariance 2 h T K), states staying inside, no allocation",
            "  energy   the gradient against finite differences, valueAndGradient, the Hessian where given, a finite",
            "           sum's terms, thread safety of a shared instance, no allocation",
            "  noise    increment covariance 2 T h K at the entropy's temperature, nothing at T = 0, the Ito",
            "           correction T div K against differences of K",
            "  entropy  T(0) = 1/beta, T(t) finite and >= 0, isNone consistent",
            "  scheme   its stated order (SchemeFactory.order()) by refining h on a linear test problem, strong and",
            "           weak orders on Ornstein-Uhlenbeck, reproducible steps"},
        footer = {"", "Examples:", "  varflow check sphere                    # the space and the metric",
            "  varflow check mirror --set potential=burg", "  varflow check quadratic --space euclidean",
            "  varflow check thermal --metric spd-field", "  varflow check euler-maruyama",
            "  varflow check none --kind entropy", "  varflow --plugin-path plugins/ check my-metric",
            "", "Exit codes: 0 every check passed (warnings allowed), 4 a check failed, 2 bad input (unknown id,"
                + " nothing to check it on), 1 internal error."})
final class CheckCommand implements Callable<Integer> {
    /** Exit code when a numerical check fails. */
    static final int CHECK_FAILED = Main.CHECK_FAILED;
    /** The largest space dimension the dense checks accept: K is d x d and eigen-decomposed at every point. */
    static final int MAX_DIMENSION = PartCheckers.MAX_DIMENSION;

    private final Varflow varflow;
    private final PartRegistry registry;
    private final PrintWriter out;

    @picocli.CommandLine.Parameters(paramLabel = "PART-ID", description = "a part id of any kind (see 'varflow list')")
    String id;

    @Option(names = "--kind", paramLabel = "KIND", description = "check the part of this kind only (space, metric,"
            + " energy, entropy, noise, scheme); default: every kind that has the id")
    String kind;

    @Option(names = "--space", paramLabel = "ID", description = "check on this space only (default: every"
            + " registered space the part supports, with default parameters)")
    String space;

    @Option(names = "--metric", paramLabel = "ID", description = "the metric paired with a noise, or whose"
            + " retraction walks a space for sample points (default: every metric that fits / one named like the"
            + " space)")
    String metric;

    @Option(names = "--energy", paramLabel = "ID", description = "the energy lifted into the space (default: the"
            + " first registered energy that fits)")
    String energy;

    @Option(names = "--entropy", paramLabel = "ID", description = "the entropy a noise takes its temperature from"
            + " (default: boltzmann)")
    String entropy;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "a parameter of the part checked, or"
            + " space.NAME=VALUE for a parameter of the space given with --space (repeatable)")
    List<String> settings = List.of();

    @Option(names = "--points", paramLabel = "N", description = "sample points besides the initial state (default:"
            + " ${DEFAULT-VALUE})")
    int points = 12;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the sample points (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Inject
    CheckCommand(Varflow varflow, @Stdout PrintWriter out) {
        this.varflow = varflow;
        this.registry = varflow.registry();
        this.out = out;
    }

    @Override
    public Integer call() {
        if (points < 1 || points > 10_000) {
            throw new ConfigurationException("--points " + points + " is not valid; expected a whole number in [1,"
                    + " 10000]");
        }
        List<PartKind> kinds = kinds();
        Map<String, Object> raw = new LinkedHashMap<>();
        Map<String, Object> spaceRaw = new LinkedHashMap<>();
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new ConfigurationException("--set " + s + " is not of the form NAME=VALUE (a parameter of '"
                        + id + "', see 'varflow explain " + id + "')");
            }
            String key = s.substring(0, eq);
            if (key.startsWith("space.") && !(kinds.size() == 1 && kinds.get(0) == PartKind.SPACE)) {
                if (space == null) {
                    throw new ConfigurationException("--set " + s + " sets a space parameter, which needs the space"
                            + " named with --space ID");
                }
                spaceRaw.put(key.substring("space.".length()), s.substring(eq + 1));
            } else {
                raw.put(key.replaceFirst("^(metric|energy|entropy|noise|scheme|space)\\.", ""), s.substring(eq + 1));
            }
        }
        CheckOptions options = new CheckOptions(raw, space, spaceRaw, metric, energy, entropy, points, seed);
        int contexts = 0;
        int failures = 0;
        int checks = 0;
        List<String> skipped = new ArrayList<>();
        List<String> nothing = new ArrayList<>();
        for (PartKind k : kinds) {
            PartFactory<?> factory = registry.factories(k).get(id);
            String label = k.label() + " '" + id + "'";
            out.println("check " + label + registry.pluginOf(k, id).map(p -> " (plugin " + p.id() + " " + p.version()
                    + ")").orElse("") + (raw.isEmpty() ? "" : ", parameters " + raw));
            PartCheckers checkers = new PartCheckers(varflow, options, skipped::add);
            List<CheckContext> found = switch (k) {
                case SPACE -> checkers.space((SpaceFactory) factory);
                case METRIC -> checkers.metric((MetricFactory) factory);
                case ENERGY -> checkers.energy((EnergyFactory) factory);
                case ENTROPY -> checkers.entropy((EntropyFactory) factory);
                case NOISE -> checkers.noise((NoiseFactory) factory);
                case SCHEME -> checkers.scheme((SchemeFactory) factory);
            };
            if (found.stream().allMatch(c -> c.results().stream()
                    .allMatch(r -> r.status() == CheckResult.Status.SKIP))) {
                nothing.add(label);
            }
            for (CheckContext c : found) {
                if (c.results().stream().allMatch(r -> r.status() == CheckResult.Status.SKIP)) {
                    skipped.add(c.label() + ": " + c.results().get(0).worst());
                    continue;
                }
                contexts++;
                out.println();
                out.println(c.label());
                // columns as wide as this context's longest check name, so every line of the table lines up
                String row = "  %-" + c.results().stream().mapToInt(r -> r.name().length()).max().orElse(5)
                        + "s %-6s %-40s %s%n";
                out.printf(Locale.ROOT, row, "check", "result", "measured", "allowed");
                for (CheckResult r : c.results()) {
                    out.printf(Locale.ROOT, row, r.name(), r.status(), r.worst(), r.allowed());
                    if (!r.where().isEmpty()) {
                        out.println("      where: " + r.where());
                    }
                    checks++;
                    if (r.failed()) {
                        failures++;
                    }
                }
            }
            out.println();
        }
        if (!skipped.isEmpty()) {
            skipped.stream().distinct().forEach(s -> out.println("not checked on " + s));
            out.println();
        }
        if (contexts == 0) {
            out.flush();
            throw new ConfigurationException(String.join(", ", nothing) + " could not be checked anywhere: "
                    + (skipped.isEmpty() ? "no registered space fits it" : skipped.get(0)));
        }
        if (failures > 0) {
            out.println("FAILED: " + failures + " of " + checks + " checks in " + contexts + " context"
                    + (contexts == 1 ? "" : "s"));
            out.flush();
            return CHECK_FAILED;
        }
        out.println("passed: " + checks + " checks in " + contexts + " context" + (contexts == 1 ? "" : "s")
                + (nothing.isEmpty() ? "" : " (" + String.join(", ", nothing) + ": nothing to check it on)"));
        out.flush();
        return 0;
    }

    /** The kinds that have the id (or the one asked for); bad input names the nearest ids. */
    private List<PartKind> kinds() {
        if (kind != null) {
            PartKind k = PartKind.fromLabel(kind);
            if (!registry.factories(k).containsKey(id)) {
                throw new ConfigurationException("unknown " + k.label() + " " + Excerpt.quote(id)
                        + Names.suggestion(id, registry.factories(k).keySet()));
            }
            return List.of(k);
        }
        List<PartKind> found = new ArrayList<>();
        for (PartKind k : PartKind.values()) {
            if (registry.factories(k).containsKey(id)) {
                found.add(k);
            }
        }
        if (found.isEmpty()) {
            java.util.Set<String> all = new java.util.TreeSet<>();
            for (PartKind k : PartKind.values()) {
                all.addAll(registry.factories(k).keySet());
            }
            String preset = registry.presets().containsKey(id) ? "; '" + id + "' is a preset: check its parts"
                    + " ('varflow explain " + id + "' lists them)" : "";
            throw new ConfigurationException("unknown part '" + id + "'" + preset + Names.suggestion(id, all));
        }
        return found;
    }
}
