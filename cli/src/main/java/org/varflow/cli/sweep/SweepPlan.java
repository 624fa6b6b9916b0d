package org.varflow.cli.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.varflow.Varflow;
import org.varflow.api.ConfigurationException;
import org.varflow.api.FlowSpec;
import org.varflow.api.measure.MeasureKinds;
import org.varflow.cli.compare.Settings;
import org.varflow.core.assembly.AssembledFlow;
import org.varflow.core.run.ParticleSlice;

/**
 * What a sweep will run, checked before anything runs: the grid cells (the cartesian product of the {@code --vary}
 * values, each cell assembled and checked), the runs (every cell with every seed S, S+1, ..., S+N-1: the same seeds
 * in every cell, so cells differ by their settings only) and the tasks (each run whole, or in K shards of its
 * particles). Seeds and shards follow from the cell and the run, never from where a task happens to execute.
 *
 * @param keys   the varied keys, in option order (the table's columns)
 * @param cells  the grid cells
 * @param runs   the runs, cell-major
 * @param tasks  the tasks, run-major and shard-minor
 * @param shards shards per run
 */
public record SweepPlan(List<String> keys, List<Cell> cells, List<Run> runs, List<SweepTask> tasks, int shards) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MEASURE_KINDS = Set.of(MeasureKinds.ENSEMBLE, MeasureKinds.GRID_1D,
            MeasureKinds.GRID_2D);

    public SweepPlan {
        keys = List.copyOf(keys);
        cells = List.copyOf(cells);
        runs = List.copyOf(runs);
        tasks = List.copyOf(tasks);
    }

    /**
     * One grid cell.
     *
     * @param index     its index
     * @param label     the settings joined, e.g. {@code entropy.beta=2 dt=0.01}, or the preset's name alone
     * @param values    the varied values, one per key
     * @param spec      the cell's spec (the first seed)
     * @param dimension d of its particles
     */
    public record Cell(int index, String label, List<String> values, FlowSpec spec, int dimension) {
        public Cell {
            values = List.copyOf(values);
        }
    }

    /**
     * One run: a cell with a seed.
     *
     * @param index its index
     * @param cell  its cell
     * @param seed  its seed
     */
    public record Run(int index, int cell, long seed) {
    }

    /**
     * Expands and checks a sweep.
     *
     * @param base      the preset or spec with the command's options applied (its seed is the first seed)
     * @param name      how the base is called in labels (the preset or the spec file's name)
     * @param varies    the {@code --vary KEY=V1,V2,...} options
     * @param seeds     runs per cell
     * @param shards    shards per run (1: whole runs)
     * @param histogram the bins of ensembles' histograms, or null for none
     * @throws ConfigurationException naming the option, the value and what is valid
     */
    public static SweepPlan build(Varflow varflow, FlowSpec base, String name, List<String> varies, int seeds,
                                  int shards, HistogramSpec histogram) {
        if (seeds < 1) {
            throw new ConfigurationException("--seeds " + seeds + " is not valid; expected a whole number >= 1");
        }
        if (shards < 1) {
            throw new ConfigurationException("--shard-particles " + shards + " is not valid; expected a whole number"
                    + " >= 1");
        }
        List<String> keys = keys(varies);
        List<Cell> cells = new ArrayList<>();
        for (List<String> combo : Settings.grid(varies)) {
            FlowSpec spec = base;
            List<String> values = new ArrayList<>();
            for (String item : combo) {
                spec = Settings.apply(spec, item, "--vary");
                values.add(item.substring(item.indexOf('=') + 1));
            }
            String label = combo.isEmpty() ? name : String.join(" ", combo);
            AssembledFlow assembled;
            try {
                assembled = varflow.assemble(spec);
            } catch (ConfigurationException e) {
                throw new ConfigurationException("cell '" + label + "': " + e.getMessage());
            }
            if (shards > 1) {
                checkShardable(assembled, label, shards);
            }
            FlowSpec explicit = Varflow.explicit(assembled);
            cells.add(new Cell(cells.size(), label, values, explicit, assembled.flow().dimension()));
        }
        List<Run> runs = new ArrayList<>();
        List<SweepTask> tasks = new ArrayList<>();
        for (Cell cell : cells) {
            FlowSpec spec = cell.spec();
            List<ParticleSlice> slices = shards > 1 ? ParticleSlice.split(spec.particles(), shards) : null;
            HistogramSpec bins = spec.particles() > 1 ? histogram : null;
            for (int j = 0; j < seeds; j++) {
                long seed = spec.seed() + j;
                Run run = new Run(runs.size(), cell.index(), seed);
                runs.add(run);
                String json = json(spec.withSeed(seed));
                for (int k = 0; k < shards; k++) {
                    ParticleSlice s = slices == null ? null : slices.get(k);
                    tasks.add(new SweepTask(tasks.size(), run.index(), k, json, s == null ? -1 : s.from(),
                            s == null ? -1 : s.to(), bins));
                }
            }
        }
        return new SweepPlan(keys, cells, runs, tasks, shards);
    }

    /** The cell of a run. */
    public Cell cellOf(Run run) {
        return cells.get(run.cell());
    }

    private static List<String> keys(List<String> varies) {
        Set<String> keys = new LinkedHashSet<>();
        for (String v : varies) {
            int eq = v.indexOf('=');
            String key = eq > 0 ? v.substring(0, eq).trim() : v;
            if (key.equalsIgnoreCase("seed")) {
                throw new ConfigurationException("--vary " + v + ": seeds are not varied by --vary; give --seeds N"
                        + " (seeds S, S+1, ..., S+N-1 in every cell) and --seed S");
            }
            if (!keys.add(key)) {
                throw new ConfigurationException("--vary " + v + ": '" + key + "' is varied twice; give its values"
                        + " in one --vary " + key + "=V1,V2,...");
            }
        }
        return List.copyOf(keys);
    }

    private static void checkShardable(AssembledFlow assembled, String label, int shards) {
        String kind = assembled.flow().space().kind();
        if (MEASURE_KINDS.contains(kind)) {
            throw new ConfigurationException("--shard-particles " + shards + ": cell '" + label + "' runs on the"
                    + " space '" + assembled.part(org.varflow.api.PartKind.SPACE).id() + "' (kind " + kind + "), whose"
                    + " whole measure is one state: its particles interact (a KDE score, Stein's kernel, a mean-field"
                    + " network) and cannot be split. Sharding needs independent particles (euclidean, phase-space,"
                    + " manifolds...); run this sweep without --shard-particles");
        }
        try {
            ParticleSlice.split(assembled.spec().particles(), shards);
        } catch (ConfigurationException e) {
            throw new ConfigurationException("--shard-particles " + shards + ": cell '" + label + "': "
                    + e.getMessage());
        }
    }

    private static String json(FlowSpec spec) {
        try {
            return JSON.writeValueAsString(org.varflow.RunSummary.specMap(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the spec cannot be written as JSON", e);
        }
    }
}
