package org.varflow.core.checkpoint;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.varflow.api.ConfigurationException;
import org.varflow.core.run.RunState;

/**
 * A checkpoint file: the run's spec (spec-file JSON with every parameter explicit), its {@link RunState} and each
 * stateful observer's saved bytes. Written to a temporary name, synced and renamed into place, so a process killed
 * at any moment leaves either the previous checkpoint or the new one, never a torn file. Doubles are stored as raw
 * bits: a resumed run continues bitwise-identically.
 *
 * @param specJson  the spec, as accepted by {@link org.varflow.core.spec.SpecFiles#parse}
 * @param state     the runner's state
 * @param observers the observers' saved state, in the run's observer order
 */
public record Checkpoint(String specJson, RunState state, List<byte[]> observers) {
    private static final long MAGIC = 0x5641_5246_4c4f_5701L; // "VARFLOW" + format 1

    public Checkpoint {
        observers = List.copyOf(observers);
    }

    /** Writes atomically to {@code target}. */
    public void write(Path target) {
        Path tmp = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (OutputStream os = Files.newOutputStream(tmp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os))) {
                out.writeLong(MAGIC);
                bytes(out, specJson.getBytes(StandardCharsets.UTF_8));
                out.writeLong(state.step());
                out.writeDouble(state.time());
                out.writeDouble(state.dt());
                out.writeInt(state.halvings());
                doubles(out, state.states());
                doubles(out, state.auxiliary());
                out.writeInt(state.streams().length);
                for (byte[] s : state.streams()) {
                    bytes(out, s);
                }
                out.writeInt(observers.size());
                for (byte[] o : observers) {
                    bytes(out, o);
                }
                out.writeLong(MAGIC);
                out.flush();
            }
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
        }
    }

    /** Reads a checkpoint written by {@link #write}. */
    public static Checkpoint read(Path file) {
        try (InputStream is = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(is))) {
            if (in.readLong() != MAGIC) {
                throw new ConfigurationException("checkpoint " + file + " is not a varflow checkpoint (format 1)");
            }
            String spec = new String(bytes(in), StandardCharsets.UTF_8);
            long step = in.readLong();
            double time = in.readDouble();
            double dt = in.readDouble();
            int halvings = in.readInt();
            double[] states = doubles(in);
            double[] aux = doubles(in);
            byte[][] streams = new byte[count(in)][];
            for (int i = 0; i < streams.length; i++) {
                streams[i] = bytes(in);
            }
            List<byte[]> observers = new ArrayList<>();
            for (int i = count(in); i > 0; i--) {
                observers.add(bytes(in));
            }
            if (in.readLong() != MAGIC) {
                throw new ConfigurationException("checkpoint " + file + " is damaged (bad trailer)");
            }
            return new Checkpoint(spec, new RunState(step, time, dt, halvings, states, aux, streams), observers);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("no checkpoint at " + file + "; was the run started with a"
                    + " checkpoint interval and an output directory?");
        } catch (EOFException e) {
            throw new ConfigurationException("checkpoint " + file + " is truncated");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** A data input over one observer's saved bytes. */
    public static DataInputStream input(byte[] saved) {
        return new DataInputStream(new ByteArrayInputStream(saved));
    }

    /** Collects one observer's state. */
    public static ByteArrayOutputStream buffer() {
        return new ByteArrayOutputStream();
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        byte[] b = new byte[count(in)];
        in.readFully(b);
        return b;
    }

    private static void doubles(DataOutputStream out, double[] v) throws IOException {
        out.writeInt(v.length);
        for (double x : v) {
            out.writeLong(Double.doubleToRawLongBits(x));
        }
    }

    private static double[] doubles(DataInputStream in) throws IOException {
        double[] v = new double[count(in)];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.longBitsToDouble(in.readLong());
        }
        return v;
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > Integer.MAX_VALUE - 16) {
            throw new EOFException("bad length " + n);
        }
        return n;
    }
}
