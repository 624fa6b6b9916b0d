package org.varflow.core.discovery;

import java.util.List;

/**
 * What discovery found: the plugins it accepted and the problems it reported (duplicate ids, providers that
 * failed to load or threw).
 */
public record DiscoveryReport(List<LoadedPlugin> plugins, List<PluginProblem> problems) {
    public DiscoveryReport {
        plugins = List.copyOf(plugins);
        problems = List.copyOf(problems);
    }
}
