package org.varflow.core.checkpoint;

import java.io.BufferedInputStream;
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
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.varflow.api.ConfigurationException;
import org.varflow.api.io.Excerpt;
import org.varflow.api.io.IoErrors;
import org.varflow.core.output.AtomicFile;
import org.varflow.core.run.RunState;

/**
 * A checkpoint file: the run's identity, its spec (spec-file JSON with every parameter explicit), its
 * {@link RunState} and each stateful observer's saved bytes. Written durably under a temporary name and renamed into
 * place, so a process killed at any moment leaves either the previous checkpoint or the new one. Doubles are stored as
 * raw bits: a resumed run continues bitwise-identically.
 *
 * <p>Nothing in a checkpoint is trusted: the file ends with a SHA-256 of all its other bytes, so one flipped bit, a
 * truncation or an edit is refused ({@link #read}); its fields are checked against each other ({@link #read}), and a
 * resumed run checks them against what it runs ({@link CheckpointChecks}). Format 2 (format 1 had no checksum and is
 * refused with a message saying so).
 *
 * @param runId     the identity of the run that wrote it (the run directory records the same)
 * @param specJson  the spec, as accepted by {@link org.varflow.core.spec.SpecFiles#parse}
 * @param state     the runner's state
 * @param observers the observers' saved state, in the run's observer order
 */
public record Checkpoint(String runId, String specJson, RunState state, List<byte[]> observers) {
    private static final long MAGIC_1 = 0x5641_5246_4c4f_5701L; // "VARFLOW" + format 1 (no checksum)
    private static final long MAGIC = 0x5641_5246_4c4f_5702L; // "VARFLOW" + format 2
    private static final int DIGEST = 32;

    public Checkpoint {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(specJson, "specJson");
        Objects.requireNonNull(state, "state");
        observers = List.copyOf(observers);
    }

    /** The SHA-256 of a spec's JSON, as run directories record it. */
    public static String specDigest(String specJson) {
        return java.util.HexFormat.of().formatHex(sha256().digest(specJson.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes durably and atomically to {@code target}. */
    public void write(Path target) {
        try (AtomicFile file = new AtomicFile(target, true)) {
            MessageDigest sha = sha256();
            DataOutputStream out = new DataOutputStream(new DigestOutputStream(new NonClosing(file.output()), sha));
            out.writeLong(MAGIC);
            bytes(out, runId.getBytes(StandardCharsets.UTF_8));
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
            file.output().write(sha.digest());
            file.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(IoErrors.describe("cannot write checkpoint", target, e), e);
        }
    }

    /**
     * Reads a checkpoint written by {@link #write}, refusing it — with a message naming what did not match — when its
     * checksum does not match its bytes or its fields do not fit together.
     */
    public static Checkpoint read(Path file) {
        String name = "checkpoint " + Excerpt.path(file.toString());
        try {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new ConfigurationException(name + " is not a regular file; a checkpoint is a file varflow"
                        + " wrote");
            }
            long size = Files.size(file);
            verifyDigest(file, size, name);
            Checkpoint c = parse(file, size - DIGEST, name);
            c.checkFields(name);
            return c;
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("no checkpoint at " + Excerpt.path(file.toString()) + "; was the run"
                    + " started with a checkpoint interval and an output directory?");
        } catch (EOFException e) {
            throw new ConfigurationException(name + " is damaged: its fields run past its end (" + e.getMessage()
                    + ")");
        } catch (IOException e) {
            throw new ConfigurationException(IoErrors.describe("cannot read", name, e));
        }
    }

    /** The first 8 bytes name the format; the last 32 are the SHA-256 of all the others. */
    private static void verifyDigest(Path file, long size, String name) throws IOException {
        if (size < Long.BYTES) {
            throw new ConfigurationException(name + " is not a varflow checkpoint (" + size + " bytes)");
        }
        MessageDigest sha = sha256();
        byte[] stored = new byte[DIGEST];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream data = new DataInputStream(in);
            long magic = data.readLong();
            if (magic == MAGIC_1) {
                throw new ConfigurationException(name + " was written by an older varflow (format 1, without a"
                        + " checksum) and cannot be verified; run the flow again to resume it later");
            }
            if (magic != MAGIC) {
                throw new ConfigurationException(name + " is not a varflow checkpoint (it does not start with the"
                        + " checkpoint signature)");
            }
            if (size < Long.BYTES + DIGEST) {
                throw new ConfigurationException(name + " is truncated (" + size + " bytes); it cannot be resumed");
            }
            sha.update(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(magic).array());
            byte[] buffer = new byte[1 << 16];
            long left = size - Long.BYTES - DIGEST;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new ConfigurationException(name + " changed while it was read; is another run writing"
                            + " it?");
                }
                sha.update(buffer, 0, n);
                left -= n;
            }
            data.readFully(stored);
        }
        if (!MessageDigest.isEqual(stored, sha.digest())) {
            throw new ConfigurationException(name + " is damaged: its SHA-256 checksum does not match its content"
                    + " (bytes were changed, lost or added after it was written); it cannot be resumed. Run the"
                    + " flow again");
        }
    }

    private static Checkpoint parse(Path file, long length, String name) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Bounded in = new Bounded(new DataInputStream(raw), length);
            in.data.readLong();
            in.used = Long.BYTES;
            String runId = new String(in.bytes(), StandardCharsets.UTF_8);
            String spec = new String(in.bytes(), StandardCharsets.UTF_8);
            long step = in.readLong();
            double time = in.readDouble();
            double dt = in.readDouble();
            int halvings = in.readInt();
            double[] states = in.doubles();
            double[] aux = in.doubles();
            byte[][] streams = new byte[in.count(4)][];
            for (int i = 0; i < streams.length; i++) {
                streams[i] = in.bytes();
            }
            List<byte[]> observers = new ArrayList<>();
            for (int i = in.count(4); i > 0; i--) {
                observers.add(in.bytes());
            }
            if (in.readLong() != MAGIC || in.used != length) {
                throw new ConfigurationException(name + " is damaged: its fields do not end where its checksum"
                        + " starts");
            }
            return new Checkpoint(runId, spec, new RunState(step, time, dt, halvings, states, aux, streams),
                    observers);
        }
    }

    /** The fields checked against each other (the run that resumes checks them against itself). */
    private void checkFields(String name) {
        RunState s = state;
        if (runId.isBlank() || runId.length() > 100) {
            throw mismatch(name, "its run id " + Excerpt.quote(runId) + " is not one varflow writes");
        }
        if (s.step() < 1) {
            throw mismatch(name, "its step count " + s.step() + " is not positive");
        }
        if (!(s.dt() > 0) || !Double.isFinite(s.dt())) {
            throw mismatch(name, "its step length dt = " + s.dt() + " is not a finite number > 0");
        }
        if (!(s.time() > 0) || !Double.isFinite(s.time())) {
            throw mismatch(name, "its time t = " + s.time() + " is not a finite number > 0");
        }
        if (s.halvings() < 0 || s.halvings() > 64) {
            throw mismatch(name, "its count of dt halvings " + s.halvings() + " is out of range");
        }
        for (int i = 0; i < s.states().length; i++) {
            if (!Double.isFinite(s.states()[i])) {
                throw mismatch(name, "state value " + i + " is " + s.states()[i] + "; a checkpoint only holds"
                        + " finite states");
            }
        }
        for (byte[] stream : s.streams()) {
            if (stream.length == 0) {
                throw mismatch(name, "a random stream has no saved state");
            }
        }
    }

    static ConfigurationException mismatch(String name, String what) {
        return new ConfigurationException(name + " does not fit: " + what + "; it cannot be resumed");
    }

    /** A data input over one observer's saved bytes. */
    public static DataInputStream input(byte[] saved) {
        return new DataInputStream(new ByteArrayInputStream(saved));
    }

    /** Collects one observer's state. */
    public static ByteArrayOutputStream buffer() {
        return new ByteArrayOutputStream();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static void doubles(DataOutputStream out, double[] v) throws IOException {
        out.writeInt(v.length);
        for (double x : v) {
            out.writeLong(Double.doubleToRawLongBits(x));
        }
    }

    /** Reads fields, refusing a length that would run past the end of the checksummed part. */
    private static final class Bounded {
        private final DataInputStream data;
        private final long length;
        private long used;

        Bounded(DataInputStream data, long length) {
            this.data = data;
            this.length = length;
        }

        private void take(long n) throws EOFException {
            if (n < 0 || used + n > length) {
                throw new EOFException("a field of " + n + " bytes at byte " + used);
            }
            used += n;
        }

        long readLong() throws IOException {
            take(8);
            return data.readLong();
        }

        double readDouble() throws IOException {
            take(8);
            return data.readDouble();
        }

        int readInt() throws IOException {
            take(4);
            return data.readInt();
        }

        /** A count of elements of {@code size} bytes each that fit in what is left. */
        int count(int size) throws IOException {
            int n = readInt();
            if (n < 0 || (long) n * size > length - used) {
                throw new EOFException("a count of " + n + " at byte " + (used - 4));
            }
            return n;
        }

        byte[] bytes() throws IOException {
            byte[] b = new byte[count(1)];
            take(b.length);
            data.readFully(b);
            return b;
        }

        double[] doubles() throws IOException {
            double[] v = new double[count(8)];
            take(8L * v.length);
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.longBitsToDouble(data.readLong());
            }
            return v;
        }
    }

    /** Lets a DataOutputStream be flushed without closing the file under it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
