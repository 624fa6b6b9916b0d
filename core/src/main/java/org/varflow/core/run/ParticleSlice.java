package org.varflow.core.run;

import java.util.ArrayList;
import java.util.List;
import org.varflow.api.ConfigurationException;

/**
 * A contiguous range {@code [from, to)} of the particles of a run, aligned on the runner's blocks of
 * {@value FlowRunner#BLOCK_SIZE}: {@code from} is a multiple of the block size and {@code to} is one too, or the
 * run's last particle. Running a slice ({@link RunControl#slice(ParticleSlice)}) steps exactly those particles with
 * exactly the random streams they have in the whole run (block b keeps the stream of block b), so particle p of the
 * slice ends bitwise where particle p ends in the whole run. Independent particles only: a space whose whole measure
 * is one state has one particle and is not split.
 *
 * @param from first particle, inclusive
 * @param to   last particle, exclusive
 */
public record ParticleSlice(int from, int to) {
    public ParticleSlice {
        if (from < 0 || to <= from) {
            throw new ConfigurationException("particle slice [" + from + ", " + to + ") is not valid; expected"
                    + " 0 <= from < to");
        }
        if (from % FlowRunner.BLOCK_SIZE != 0) {
            throw new ConfigurationException("particle slice [" + from + ", " + to + ") does not start on a block:"
                    + " from must be a multiple of " + FlowRunner.BLOCK_SIZE);
        }
    }

    /** Number of particles in the slice. */
    public int size() {
        return to - from;
    }

    /** The first block of the slice: its random stream is that block's stream in the whole run. */
    public int firstBlock() {
        return from / FlowRunner.BLOCK_SIZE;
    }

    /** Checks that the slice ends on a block boundary or at the last of {@code particles} particles. */
    public void checkFits(int particles) {
        if (to > particles || (to != particles && to % FlowRunner.BLOCK_SIZE != 0)) {
            throw new ConfigurationException("particle slice [" + from + ", " + to + ") does not fit a run of "
                    + particles + " particles: to must be a multiple of " + FlowRunner.BLOCK_SIZE + " or "
                    + particles);
        }
    }

    /**
     * {@code parts} slices covering {@code particles} particles, as even as whole blocks allow: slice k holds blocks
     * [floor(k B / parts), floor((k + 1) B / parts)) of the B = ceil(particles / {@value FlowRunner#BLOCK_SIZE}).
     * The split depends on the two numbers only.
     *
     * @throws ConfigurationException when there are fewer blocks than parts
     */
    public static List<ParticleSlice> split(int particles, int parts) {
        int blocks = (particles + FlowRunner.BLOCK_SIZE - 1) / FlowRunner.BLOCK_SIZE;
        if (parts < 1 || parts > blocks) {
            throw new ConfigurationException(parts + " shards do not fit " + particles + " particles: each shard needs"
                    + " at least one block of " + FlowRunner.BLOCK_SIZE + " particles, so expected 1 to " + blocks
                    + " shards (or at least " + (long) parts * FlowRunner.BLOCK_SIZE + " particles)");
        }
        List<ParticleSlice> out = new ArrayList<>(parts);
        for (int k = 0; k < parts; k++) {
            int b0 = (int) ((long) k * blocks / parts);
            int b1 = (int) ((long) (k + 1) * blocks / parts);
            out.add(new ParticleSlice(b0 * FlowRunner.BLOCK_SIZE, Math.min(particles, b1 * FlowRunner.BLOCK_SIZE)));
        }
        return List.copyOf(out);
    }
}
