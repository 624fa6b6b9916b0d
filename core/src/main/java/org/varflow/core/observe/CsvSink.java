package org.varflow.core.observe;

import org.varflow.api.StatefulObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import org.varflow.api.RunInfo;
import org.varflow.api.Snapshot;
import org.varflow.api.io.IoErrors;
import org.varflow.core.output.AtomicFile;

/**
 * Writes one CSV row per observation (step 0, every k-th step, the last): step, time, energy, free energy, and the
 * state: the coordinates of a single particle, or the ensemble mean and variance of each coordinate (at most
 * {@value #MAX_COLUMNS} coordinates). The file appears only when {@link #commit()} is called after a complete run.
 */
public final class CsvSink implements StatefulObserver, AutoCloseable {
    /** Coordinates written at most. */
    public static final int MAX_COLUMNS = 64;

    private final AtomicFile file;
    private final EnsembleStats stats;
    private final FreeEnergyObserver free;
    private boolean deterministic;
    private int columns;
    private boolean single;

    /**
     * @param target the CSV file to produce
     * @param stats  shared statistics
     * @param free   the free-energy observer, observed before this sink in the same run
     */
    public CsvSink(Path target, EnsembleStats stats, FreeEnergyObserver free) {
        this.file = new AtomicFile(target);
        this.stats = stats;
        this.free = free;
    }

    @Override
    public void start(RunInfo info) {
        deterministic = info.flow().isDeterministic();
        single = info.particles() == 1;
        columns = Math.min(info.dimension(), MAX_COLUMNS);
        StringBuilder header = new StringBuilder("step,time,energy,free_energy");
        for (int i = 0; i < columns; i++) {
            String name = info.flow().space().coordinateName(i);
            if (single) {
                header.append(',').append(name);
            } else {
                header.append(",mean_").append(name);
            }
        }
        if (!single) {
            for (int i = 0; i < columns; i++) {
                header.append(",var_").append(info.flow().space().coordinateName(i));
            }
        }
        line(header.append('\n').toString());
    }

    @Override
    public void observe(Snapshot s) {
        EnsembleStats st = stats.update(s, deterministic);
        StringBuilder row = new StringBuilder();
        row.append(s.step()).append(',').append(num(s.time())).append(',').append(num(st.energy())).append(',')
                .append(num(free.freeEnergy()));
        double[] mean = st.mean();
        for (int i = 0; i < columns; i++) {
            row.append(',').append(num(mean[i]));
        }
        if (!single) {
            double[] cov = st.covariance();
            int d = s.dimension();
            for (int i = 0; i < columns; i++) {
                row.append(',').append(cov == null ? "" : num(cov[i * d + i]));
            }
        }
        line(row.append('\n').toString());
    }

    private void line(String text) {
        try {
            Writer w = file.writer();
            w.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(IoErrors.describe("cannot write", file.target(), e), e);
        }
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    @Override
    public void save(java.io.DataOutput out) throws IOException {
        byte[] content = file.contentSoFar();
        out.writeInt(content.length);
        out.write(content);
    }

    @Override
    public void restore(java.io.DataInput in) throws IOException {
        byte[] content = new byte[in.readInt()];
        in.readFully(content);
        file.replaceContent(content);
    }

    /** Renames the completed file into place. */
    public void commit() {
        file.commit();
    }

    /** Discards the file unless committed. */
    @Override
    public void close() {
        file.close();
    }
}
