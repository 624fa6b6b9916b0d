package org.varflow.cli.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The sweep engines on a class loader, found with {@link ServiceLoader}, by id. */
public final class Engines {
    private Engines() {
    }

    /** Every engine {@code loader} sees; the first of an id wins. A provider that fails to load is left out. */
    public static Map<String, SweepEngine> discover(ClassLoader loader) {
        Map<String, SweepEngine> out = new LinkedHashMap<>();
        var it = ServiceLoader.load(SweepEngine.class, loader).stream().iterator();
        while (it.hasNext()) {
            try {
                SweepEngine e = it.next().get();
                out.putIfAbsent(e.id(), e);
            } catch (java.util.ServiceConfigurationError | LinkageError e) {
                // an engine whose libraries are missing (e.g. Spark) is absent, as if not installed
            }
        }
        return out;
    }
}
