package org.varflow.cli.check;

import java.util.Map;

/**
 * What the command line asks of a check: the part's own parameters, the context parts chosen by id (null: every one
 * that fits) and their parameters, the number of sample points and their seed.
 *
 * @param partSettings  parameters of the part checked (raw values)
 * @param space         the space to check on, or null
 * @param spaceSettings parameters of that space
 * @param metric        the metric to pair with (walks a space, carries a noise), or null
 * @param energy        the energy lifted into the space (some metrics read the model from it), or null
 * @param entropy       the entropy a noise takes its temperature from, or null (boltzmann)
 * @param points        sample points besides the initial state
 * @param seed          their seed
 */
public record CheckOptions(Map<String, Object> partSettings, String space, Map<String, Object> spaceSettings,
                           String metric, String energy, String entropy, int points, long seed) {
    public CheckOptions {
        partSettings = Map.copyOf(partSettings);
        spaceSettings = Map.copyOf(spaceSettings);
    }
}
