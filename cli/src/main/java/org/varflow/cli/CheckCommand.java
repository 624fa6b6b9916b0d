package org.varflow.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Energy;
import org.varflow.api.EnergyFactory;
import org.varflow.api.Metric;
import org.varflow.api.MetricFactory;
import org.varflow.api.Names;
import org.varflow.api.Parameters;
import org.varflow.api.PartKind;
import org.varflow.api.PartType;
import org.varflow.api.Space;
import org.varflow.api.SpaceFactory;
import org.varflow.testkit.CheckResult;
import org.varflow.testkit.MetricChecks;
import org.varflow.core.registry.PartRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code varflow check METRIC-ID}: the check kit for metric authors. Builds the metric (default parameters unless
 * {@code --set} says otherwise) on every registered space whose kind it supports (or the one given with
 * {@code --space}), lifts an energy into that space as a run would (some metrics, such as {@code fisher}, read the
 * model from it), and runs {@link MetricChecks} at seeded sample points. Prints a table of PASS / FAIL / WARN / SKIP.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check a metric the way Manopt's checkgradient/checkretraction do: K(x) symmetric positive",
            "definite (on the tangent space), sqrtRaise consistent with K (S S^T = K), div K against finite",
            "differences, J antisymmetric, the retraction first order (R_x(tv) = x + tv + O(t^2)), states staying",
            "on the space, and no allocation in the hot methods (a warning only)."},
        footer = {"", "Examples:", "  varflow check sphere", "  varflow check mirror --set potential=burg",
            "  varflow check fisher --energy logistic-regression",
            "  varflow --plugin-path plugins/ check my-metric",
            "", "Exit codes: 0 every check passed (warnings allowed), 4 a check failed, 2 bad input (unknown id,"
                + " no space to build it on), 1 internal error."})
final class CheckCommand implements Callable<Integer> {
    /** Exit code when a numerical check fails. */
    static final int CHECK_FAILED = Main.CHECK_FAILED;
    /** The largest space dimension the dense checks accept: K is d x d and eigen-decomposed at every point. */
    static final int MAX_DIMENSION = 300;

    private final PartRegistry registry;
    private final PrintWriter out;

    @picocli.CommandLine.Parameters(paramLabel = "METRIC-ID", description = "a metric id (see 'varflow list metric')")
    String id;

    @Option(names = "--space", paramLabel = "ID", description = "check on this space only (default: every"
            + " registered space the metric supports, with default parameters)")
    String space;

    @Option(names = "--energy", paramLabel = "ID", description = "the energy lifted into the space (default: the"
            + " first registered energy that fits)")
    String energy;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "a metric parameter, or space.NAME=VALUE for a"
            + " parameter of the space given with --space (repeatable)")
    List<String> settings = List.of();

    @Option(names = "--points", paramLabel = "N", description = "random-walk sample points besides the initial"
            + " state (default: ${DEFAULT-VALUE})")
    int points = 12;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the sample points (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Inject
    CheckCommand(PartRegistry registry, @Stdout PrintWriter out) {
        this.registry = registry;
        this.out = out;
    }

    @Override
    public Integer call() {
        if (points < 1 || points > 10_000) {
            throw new ConfigurationException("--points " + points + " is not valid; expected a whole number in [1,"
                    + " 10000]");
        }
        MetricFactory factory = metricFactory();
        Map<String, Object> raw = new LinkedHashMap<>();
        Map<String, Object> spaceRaw = new LinkedHashMap<>();
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new ConfigurationException("--set " + s + " is not of the form NAME=VALUE (a parameter of metric"
                        + " '" + id + "', see 'varflow explain " + id + " --kind metric')");
            }
            String key = s.substring(0, eq);
            if (key.startsWith("space.")) {
                if (space == null) {
                    throw new ConfigurationException("--set " + s + " sets a space parameter, which needs the space"
                            + " named with --space ID");
                }
                spaceRaw.put(key.substring("space.".length()), s.substring(eq + 1));
            } else {
                raw.put(key.replaceFirst("^metric\\.", ""), s.substring(eq + 1));
            }
        }
        String label = "metric '" + factory.id() + "'";
        Parameters params = Parameters.resolve(label, factory.parameters(), raw);
        out.println("check " + label + registry.pluginOf(PartKind.METRIC, factory.id())
                .map(p -> " (plugin " + p.id() + " " + p.version() + ")").orElse("") + ", parameters "
                + params.asMap());

        List<SpaceFactory> candidates = spaces();
        List<String> skipped = new ArrayList<>();
        int checkedSpaces = 0;
        int failures = 0;
        int checks = 0;
        for (SpaceFactory sf : candidates) {
            Space s;
            Metric metric;
            String energyNote;
            try {
                s = sf.create(Parameters.resolve("space '" + sf.id() + "'", sf.parameters(), spaceRaw));
                if (!factory.supports(s.kind())) {
                    continue;
                }
                if (s.dimension() > MAX_DIMENSION) {
                    skipped.add("space '" + sf.id() + "': dimension " + s.dimension() + " is above " + MAX_DIMENSION
                            + ", the limit of the dense checks (K is built column by column and eigen-decomposed);"
                            + " make it smaller with --space " + sf.id() + " --set space.NAME=VALUE");
                    continue;
                }
                metric = factory.create(params, s);
                energyNote = liftEnergy(s);
            } catch (ConfigurationException e) {
                skipped.add("space '" + sf.id() + "': " + e.getMessage());
                continue;
            }
            checkedSpaces++;
            out.println();
            out.printf(Locale.ROOT, "space '%s' (kind %s, dimension %d)%s, %d sample points, seed %d%n", sf.id(),
                    s.kind(), s.dimension(), energyNote, points + 1, seed);
            out.printf(Locale.ROOT, "  %-50s %-6s %-34s %s%n", "check", "result", "worst", "allowed");
            for (CheckResult r : MetricChecks.run(metric, s, points, seed)) {
                out.printf(Locale.ROOT, "  %-50s %-6s %-34s %s%n", r.name(), r.status(), r.worst(), r.allowed());
                checks++;
                if (r.failed()) {
                    failures++;
                }
            }
        }
        if (!skipped.isEmpty()) {
            out.println();
            skipped.forEach(s -> out.println("not checked on " + s));
        }
        out.println();
        if (checkedSpaces == 0) {
            out.flush();
            throw new ConfigurationException(label + " could not be built on any registered space it supports ("
                    + factory.spaces() + "); " + (skipped.isEmpty() ? "no such space is registered" : skipped.get(0)));
        }
        if (failures > 0) {
            out.println("FAILED: " + failures + " of " + checks + " checks on " + checkedSpaces + " space"
                    + (checkedSpaces == 1 ? "" : "s"));
            out.flush();
            return CHECK_FAILED;
        }
        out.println("passed: " + checks + " checks on " + checkedSpaces + " space" + (checkedSpaces == 1 ? "" : "s"));
        out.flush();
        return 0;
    }

    private MetricFactory metricFactory() {
        MetricFactory f = registry.factories(PartType.METRIC).get(id);
        if (f == null) {
            String tail = Names.suggestion(id, registry.factories(PartKind.METRIC).keySet());
            if (registry.findPart(id).isPresent()) {
                tail = "; '" + id + "' is a part of kind " + registry.findPart(id).get().kind()
                        + ", and the check kit checks metrics" + tail;
            }
            throw new ConfigurationException("unknown metric '" + id + "'" + tail);
        }
        return f;
    }

    /** The space factories to try: the one given, or all, in id order. */
    private List<SpaceFactory> spaces() {
        if (space != null) {
            return List.of(registry.factory(PartType.SPACE, space));
        }
        return new ArrayList<>(registry.factories(PartType.SPACE).values());
    }

    /**
     * Lifts an energy into the space, as assembly does after building the metric: the one given with --energy, or
     * the first registered energy (in id order) that supports the space and builds with its defaults.
     */
    private String liftEnergy(Space s) {
        Space base = s.base() == null ? s : s.base();
        if (energy != null) {
            EnergyFactory f = registry.factory(PartType.ENERGY, energy);
            if (!f.supports(base.kind())) {
                throw new ConfigurationException("energy '" + energy + "' does not work on space kind " + base.kind());
            }
            s.lift(f.create(Parameters.resolve("energy '" + energy + "'", f.parameters(), Map.of()), base));
            return ", energy '" + energy + "'";
        }
        ConfigurationException last = null;
        for (EnergyFactory f : registry.factories(PartType.ENERGY).values()) {
            if (!f.supports(base.kind())) {
                continue;
            }
            try {
                Energy e = f.create(Parameters.resolve("energy '" + f.id() + "'", f.parameters(), Map.of()), base);
                s.lift(e);
                return ", energy '" + f.id() + "'";
            } catch (ConfigurationException e) {
                last = e;
            } catch (RuntimeException e) {
                last = new ConfigurationException("energy '" + f.id() + "': " + e);
            }
        }
        if (last != null) {
            throw last;
        }
        return "";
    }
}
