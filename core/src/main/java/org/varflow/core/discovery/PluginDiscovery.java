package org.varflow.core.discovery;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.varflow.api.PartFactory;
import org.varflow.api.PartKind;
import org.varflow.api.PartType;
import org.varflow.api.Plugin;
import org.varflow.api.Preset;

/**
 * Finds {@link Plugin}s with {@link ServiceLoader} and checks them: a provider that cannot be loaded or throws, a
 * duplicate plugin id, a duplicate part or preset id, or a malformed id is reported by name in the
 * {@link DiscoveryReport}, and everything else keeps working. The first plugin to claim an id keeps it.
 *
 * <p>Discovery can be bypassed by passing plugin instances to {@link #of(Collection)}, so tests need not depend
 * on the classpath.
 */
public final class PluginDiscovery {
    private static final Logger LOG = System.getLogger(PluginDiscovery.class.getName());
    private static final String ID_PATTERN = "[a-z0-9][a-z0-9.-]*";

    private PluginDiscovery() {
    }

    /** Discovers the plugins visible to {@code loader} (the service registrations in its jars). */
    public static DiscoveryReport discover(ClassLoader loader) {
        return discover(loader, List.of());
    }

    /**
     * Discovers the plugins visible to {@code loader}, then adds {@code more} (plugins given in-process), checking
     * all of them together: a duplicate id is set aside, whichever side it is on.
     */
    public static DiscoveryReport discover(ClassLoader loader, Collection<? extends Plugin> more) {
        List<PluginProblem> problems = new ArrayList<>();
        List<Plugin> found = new ArrayList<>();
        Iterator<ServiceLoader.Provider<Plugin>> it = ServiceLoader.load(Plugin.class, loader).stream().iterator();
        while (true) {
            ServiceLoader.Provider<Plugin> provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                problems.add(new PluginProblem(nameIn(e), "unknown", "could not be loaded: " + rootMessage(e)));
                continue;
            }
            try {
                found.add(provider.get());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                problems.add(new PluginProblem(provider.type().getName(), sourceOf(provider.type()),
                        "could not be instantiated: " + rootMessage(e)));
            }
        }
        found.addAll(more);
        return check(found, problems);
    }

    /** Uses the given plugins instead of discovering them. */
    public static DiscoveryReport of(Collection<? extends Plugin> plugins) {
        return check(new ArrayList<>(plugins), new ArrayList<>());
    }

    private static DiscoveryReport check(List<Plugin> found, List<PluginProblem> problems) {
        List<LoadedPlugin> accepted = new ArrayList<>();
        Map<String, String> pluginIds = new HashMap<>(); // id -> "class from source"
        Map<PartKind, Map<String, String>> owners = new EnumMap<>(PartKind.class);
        Map<String, String> presetOwners = new HashMap<>();
        Map<String, String> observerOwners = new HashMap<>();
        for (Plugin plugin : found) {
            String source = sourceOf(plugin.getClass());
            String id;
            try {
                id = plugin.id();
            } catch (RuntimeException e) {
                problems.add(new PluginProblem(plugin.getClass().getName(), source, "id() threw: " + rootMessage(e)));
                continue;
            }
            if (id == null || !id.matches(ID_PATTERN)) {
                problems.add(new PluginProblem(plugin.getClass().getName(), source,
                        "has an invalid id '" + id + "' (expected lower case letters, digits, '.' and '-'); ignored"));
                continue;
            }
            if (pluginIds.containsKey(id)) {
                problems.add(new PluginProblem(id, source, "duplicate plugin id: " + plugin.getClass().getName()
                        + " claims it, but " + pluginIds.get(id) + " already has it; ignored"));
                continue;
            }
            String version = safe(plugin::version, "unversioned");
            Map<PartKind, List<PartFactory<?>>> factories = new EnumMap<>(PartKind.class);
            for (PartType<?, ?> type : PartType.ALL) {
                PartKind kind = type.kind();
                Collection<? extends PartFactory<?>> offered;
                try {
                    offered = type.providedBy(plugin);
                } catch (RuntimeException | LinkageError e) {
                    problems.add(new PluginProblem(id, source, "its " + kind + " factories could not be listed: "
                            + rootMessage(e) + "; its other parts are kept"));
                    continue;
                }
                List<PartFactory<?>> keep = new ArrayList<>();
                Map<String, String> taken = owners.computeIfAbsent(kind, k -> new LinkedHashMap<>());
                for (PartFactory<?> f : offered) {
                    String partId = f == null ? null : safe(f::id, null);
                    if (partId == null || !partId.matches(ID_PATTERN)) {
                        problems.add(new PluginProblem(id, source, "offers a " + kind + " with invalid id '" + partId
                                + "'; ignored"));
                    } else if (!type.factoryClass().isInstance(f) || safe(f::kind, null) != kind) {
                        problems.add(new PluginProblem(id, source, "offers " + f.kind() + " '" + partId
                                + "' among its " + kind + " factories; ignored"));
                    } else if (taken.containsKey(partId)) {
                        problems.add(new PluginProblem(id, source, "duplicate " + kind + " id '" + partId
                                + "', already provided by plugin " + taken.get(partId) + "; this one is ignored"));
                    } else {
                        taken.put(partId, id);
                        keep.add(f);
                    }
                }
                factories.put(kind, keep);
            }
            List<Preset> presets = new ArrayList<>();
            Collection<Preset> offeredPresets;
            try {
                offeredPresets = plugin.presets();
            } catch (RuntimeException | LinkageError e) {
                problems.add(new PluginProblem(id, source, "its presets could not be listed: " + rootMessage(e)));
                offeredPresets = List.of();
            }
            for (Preset p : offeredPresets == null ? List.<Preset>of() : offeredPresets) {
                if (p == null || !p.id().matches(ID_PATTERN)) {
                    problems.add(new PluginProblem(id, source, "offers a preset with an invalid id; ignored"));
                } else if (presetOwners.containsKey(p.id())) {
                    problems.add(new PluginProblem(id, source, "duplicate preset id '" + p.id()
                            + "', already provided by plugin " + presetOwners.get(p.id()) + "; this one is ignored"));
                } else {
                    presetOwners.put(p.id(), id);
                    presets.add(p);
                }
            }
            List<org.varflow.api.ObserverFactory> observers = new ArrayList<>();
            Collection<org.varflow.api.ObserverFactory> offeredObservers;
            try {
                offeredObservers = plugin.observers();
            } catch (RuntimeException | LinkageError e) {
                problems.add(new PluginProblem(id, source, "its observers could not be listed: " + rootMessage(e)));
                offeredObservers = List.of();
            }
            for (var o : offeredObservers == null ? List.<org.varflow.api.ObserverFactory>of() : offeredObservers) {
                String oid = o == null ? null : safe(o::id, null);
                if (oid == null || !oid.matches(ID_PATTERN)) {
                    problems.add(new PluginProblem(id, source, "offers an observer with an invalid id; ignored"));
                } else if (observerOwners.containsKey(oid)) {
                    problems.add(new PluginProblem(id, source, "duplicate observer id '" + oid
                            + "', already provided by plugin " + observerOwners.get(oid) + "; this one is ignored"));
                } else {
                    observerOwners.put(oid, id);
                    observers.add(o);
                }
            }
            pluginIds.put(id, plugin.getClass().getName() + " from " + source);
            accepted.add(new LoadedPlugin(id, version, source, factories, presets, observers));
            LOG.log(Level.DEBUG, () -> "found plugin " + id + " " + version + " in " + source);
        }
        for (PluginProblem p : problems) {
            LOG.log(Level.WARNING, p::toString);
        }
        return new DiscoveryReport(accepted, problems);
    }

    private static <T> T safe(Supplier<T> s, T fallback) {
        try {
            T v = s.get();
            return v == null ? fallback : v;
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    /** The jar or directory a class was loaded from ("unknown" when it cannot be told). */
    public static String sourceOf(Class<?> type) {
        try {
            CodeSource cs = type.getProtectionDomain().getCodeSource();
            URL url = cs == null ? null : cs.getLocation();
            return url == null ? "unknown" : url.getPath();
        } catch (SecurityException e) {
            return "unknown";
        }
    }

    private static String nameIn(ServiceConfigurationError e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        // "org.varflow.api.Plugin: Provider com.x.Y not found"
        int at = msg.indexOf("Provider ");
        if (at >= 0) {
            String rest = msg.substring(at + "Provider ".length());
            int space = rest.indexOf(' ');
            return space > 0 ? rest.substring(0, space) : rest;
        }
        return "unknown provider";
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage();
        String top = e.getMessage();
        if (t == e) {
            return t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
        }
        return (top == null ? e.getClass().getSimpleName() : top) + " (caused by " + t.getClass().getSimpleName()
                + (msg == null ? "" : ": " + msg) + ")";
    }
}
