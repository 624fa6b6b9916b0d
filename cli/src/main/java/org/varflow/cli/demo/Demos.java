package org.varflow.cli.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.varflow.api.ConfigurationException;
import org.varflow.api.Names;

/** The demonstrations of the seed documents, in the order they teach. */
public final class Demos {
    private static final Map<String, Demo> ALL = new LinkedHashMap<>();

    static {
        for (Demo d : List.of(new LeastActionDemo(), new BrachistochroneDemo(), new HeatDemo(), new FokkerPlanckDemo(),
                new JkoParticlesDemo(),
                new LawAndSamplesDemo(), new HamiltonianDemo(),
                new SgdLangevinDemo(), new MeanFieldDemo(), new GenerativeDemo())) {
            ALL.put(d.name(), d);
        }
    }

    private Demos() {
    }

    public static List<Demo> all() {
        return new ArrayList<>(ALL.values());
    }

    /** The demo called {@code name}, or a message naming the nearest names. */
    public static Demo named(String name) {
        Demo d = ALL.get(name);
        if (d == null) {
            throw new ConfigurationException("unknown demo '" + name + "'" + Names.suggestion(name, ALL.keySet())
                    + "; 'varflow demo' lists them");
        }
        return d;
    }
}
