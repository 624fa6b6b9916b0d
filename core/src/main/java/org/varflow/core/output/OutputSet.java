package org.varflow.core.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The outputs of one command, appearing all together or not at all: every regular file is written in full under a
 * temporary name first ({@link #text}, {@link #bytes}), files already put in place by the run are adopted
 * ({@link #adopt}), and {@link #commit()} renames them all into place, then writes what goes to a pipe or device
 * ({@code --summary /dev/stdout}). If anything fails — a full disk while staging, a rename, the pipe — every file of
 * the set is removed again, so a failed command leaves no partial set of outputs behind. Closing a set that was not
 * committed discards it the same way.
 */
public final class OutputSet implements AutoCloseable {
    private final List<AtomicFile> staged = new ArrayList<>();
    private final List<Path> placed = new ArrayList<>();
    private final List<Pending> throughs = new ArrayList<>();
    private boolean committed;

    /** A file written straight into a pipe or device at commit. */
    private record Pending(Path target, byte[] content) {
    }

    /** Stages a UTF-8 text file. */
    public void text(Path target, String content) {
        bytes(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Stages a file: written in full now under a temporary name, renamed into place by {@link #commit()}. */
    public void bytes(Path target, byte[] content) {
        if (AtomicFile.writesThrough(target)) { // opened once, at commit: a pipe's reader sees one writer
            throughs.add(new Pending(target, content.clone()));
            return;
        }
        AtomicFile file = new AtomicFile(target);
        staged.add(file);
        try {
            file.output().write(content);
            file.output().flush();
        } catch (IOException e) {
            throw AtomicFile.failure("cannot write", target, e);
        }
    }

    /** A file the run already put in place that belongs to this set (removed if the set fails). */
    public void adopt(Path file) {
        if (file != null && Files.isRegularFile(file)) {
            placed.add(file);
        }
    }

    /** Puts every file in place; on failure removes them all and rethrows. Returns the files in place. */
    public List<Path> commit() {
        try {
            for (AtomicFile f : staged) {
                f.commit();
                placed.add(f.target());
            }
            for (Pending p : throughs) {
                AtomicFile.writeBytes(p.target(), p.content());
            }
            committed = true;
            return List.copyOf(placed);
        } catch (RuntimeException e) {
            discard();
            throw e;
        }
    }

    /** Discards the set unless it was committed. */
    @Override
    public void close() {
        if (!committed) {
            discard();
        }
    }

    private void discard() {
        for (AtomicFile f : staged) {
            f.close();
        }
        for (Path p : placed) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
        placed.clear();
        staged.clear();
    }
}
