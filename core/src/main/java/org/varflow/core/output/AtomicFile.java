package org.varflow.core.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written under a temporary name beside its target and renamed into place on {@link #commit()}, so a
 * failed or interrupted run never leaves a half-written output. {@link #close()} without commit deletes it.
 */
public final class AtomicFile implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private BufferedWriter writer;
    private final Path createdDirectory;
    private boolean committed;

    public AtomicFile(Path target) {
        this.target = target.toAbsolutePath();
        try {
            Path dir = this.target.getParent();
            this.createdDirectory = Files.isDirectory(dir) ? null : dir;
            Files.createDirectories(dir);
            this.temporary = Files.createTempFile(dir, "." + this.target.getFileName(), ".partial");
            this.writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Writes a whole file atomically. */
    public static void write(Path target, String content) {
        try (AtomicFile f = new AtomicFile(target)) {
            f.writer().write(content);
            f.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    public Writer writer() {
        return writer;
    }

    /** What has been written so far (flushed first). */
    public byte[] contentSoFar() throws IOException {
        writer.flush();
        return Files.readAllBytes(temporary);
    }

    /** Replaces what has been written so far by {@code content}; writing continues after it. */
    public void replaceContent(byte[] content) throws IOException {
        writer.close();
        Files.write(temporary, content);
        writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    public Path target() {
        return target;
    }

    /** Flushes and renames the file into place. */
    public void commit() {
        try {
            writer.close();
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the temporary file unless committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // being discarded anyway
            }
            try {
                Files.deleteIfExists(temporary);
                if (createdDirectory != null) {
                    try (var left = Files.list(createdDirectory)) {
                        if (left.findAny().isEmpty()) {
                            Files.delete(createdDirectory); // we made it for this file: leave no trace
                        }
                    }
                }
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
