package org.varflow.core.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.varflow.api.io.IoErrors;

/**
 * An output file that appears whole or not at all, the way trusted tools write: a regular file is written under a
 * temporary name in its real directory (symbolic links followed) and renamed over the target on {@link #commit()};
 * {@link #close()} without commit deletes the temporary file. What is not a regular file — a pipe, a terminal,
 * {@code /dev/stdout}, {@code /dev/null}, a device — is written through, never replaced by a regular file.
 *
 * <p>New files get the permissions the user's umask gives (as with every other tool); a replaced file keeps its
 * permissions. Every failure says which file and why ({@link IoErrors}): permission denied, no space left on device.
 */
public final class AtomicFile implements AutoCloseable {
    private final Path target;
    private final Path destination;
    private final Path temporary;
    private final Path createdDirectory;
    private final boolean durable;
    private final FileChannel channel;
    private final OutputStream out;
    private Writer writer;
    private boolean committed;
    private boolean closed;

    /** Starts writing {@code target}. */
    public AtomicFile(Path target) {
        this(target, false);
    }

    /**
     * Starts writing {@code target}; with {@code durable} the content is forced to the disk before the rename, so a
     * crash of the machine leaves the old file or the new one (for checkpoints).
     */
    public AtomicFile(Path target, boolean durable) {
        this.target = target;
        this.durable = durable;
        Path created = null;
        Path temp = null;
        FileChannel ch = null;
        try {
            Destination where = Destination.of(target);
            this.destination = where.path();
            if (where.writeThrough()) {
                ch = FileChannel.open(destination, StandardOpenOption.WRITE);
            } else {
                Path dir = destination.getParent();
                if (!Files.isDirectory(dir)) {
                    created = topmostMissing(dir);
                    Files.createDirectories(dir);
                }
                temp = dir.resolve("." + destination.getFileName() + "." + HexFormat.of().toHexDigits(
                        ThreadLocalRandom.current().nextInt()) + ".partial");
                ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                if (Files.isRegularFile(destination)) {
                    keepPermissions(destination, temp);
                }
            }
        } catch (IOException e) {
            closeQuietly(ch);
            deleteQuietly(temp);
            removeCreated(created);
            throw failure("cannot write", target, e);
        }
        this.createdDirectory = created;
        this.temporary = temp;
        this.channel = ch;
        this.out = new BufferedOutputStream(WriteFaults.counting(Channels.newOutputStream(ch)), 1 << 16);
    }

    /** Writes a whole text file atomically (UTF-8). */
    public static void write(Path target, String content) {
        writeBytes(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a whole file atomically. */
    public static void writeBytes(Path target, byte[] content) {
        try (AtomicFile f = new AtomicFile(target)) {
            f.output().write(content);
            f.commit();
        } catch (IOException e) {
            throw failure("cannot write", target, e);
        }
    }

    /** The bytes of the file. */
    public OutputStream output() {
        return out;
    }

    /** The file as UTF-8 text. */
    public Writer writer() {
        if (writer == null) {
            writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        }
        return writer;
    }

    /**
     * Whether {@code target} would be written straight into a pipe, terminal or device, found without opening it:
     * opening a pipe for writing waits for its reader, and closing it again ends what the reader reads.
     */
    public static boolean writesThrough(Path target) {
        try {
            return Destination.of(target).writeThrough();
        } catch (IOException e) {
            throw failure("cannot write", target, e);
        }
    }

    /** Whether this file is written straight into a pipe, terminal or device (and cannot be taken back). */
    public boolean writesThrough() {
        return temporary == null;
    }

    /** What has been written so far (flushed first); only for files written under a temporary name. */
    public byte[] contentSoFar() throws IOException {
        requireTemporary("read back");
        flush();
        return Files.readAllBytes(temporary);
    }

    /** Replaces what has been written so far by {@code content}; writing continues after it. */
    public void replaceContent(byte[] content) throws IOException {
        requireTemporary("rewrite");
        flush();
        channel.truncate(0);
        channel.position(0);
        out.write(content);
    }

    /** The file as given. */
    public Path target() {
        return target;
    }

    /** Flushes and renames the file into place (or, written through, flushes it). */
    public void commit() {
        try {
            flush();
            if (durable && temporary != null) {
                channel.force(true);
            }
            channel.close();
            closed = true;
            if (temporary != null) {
                try {
                    Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            committed = true;
        } catch (IOException e) {
            throw failure("cannot write", target, e);
        }
    }

    /** Deletes the temporary file (and a directory made for it, if left empty) unless committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        if (!closed) {
            closeQuietly(channel);
            closed = true;
        }
        deleteQuietly(temporary);
        removeCreated(createdDirectory);
    }

    private void flush() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        out.flush();
    }

    private void requireTemporary(String what) {
        if (temporary == null) {
            throw new UncheckedIOException(new IOException("cannot " + what + " " + target
                    + ": it is not a regular file (a pipe or device is written through)"));
        }
    }

    /** A failure naming the file and the reason. */
    static UncheckedIOException failure(String what, Path file, IOException e) {
        return new UncheckedIOException(IoErrors.describe(what, file, e), e);
    }

    private static void keepPermissions(Path from, Path to) {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system, or not ours to change: the umask's permissions stay
        }
    }

    /** The highest directory on the way to {@code dir} that does not exist yet (the one to remove on failure). */
    private static Path topmostMissing(Path dir) {
        Path top = dir;
        while (top.getParent() != null && !Files.exists(top.getParent())) {
            top = top.getParent();
        }
        return top;
    }

    /** Removes directories made for this file, from the deepest up to {@code top}, while they are empty. */
    private void removeCreated(Path top) {
        if (top == null) {
            return;
        }
        for (Path dir = destination == null ? null : destination.getParent(); dir != null && dir.startsWith(top);
                dir = dir.getParent()) {
            try {
                Files.deleteIfExists(dir); // fails, and stops, at the first directory that is not empty
            } catch (IOException e) {
                return;
            }
            if (dir.equals(top)) {
                return;
            }
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // being discarded
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
