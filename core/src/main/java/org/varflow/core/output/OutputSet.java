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
 * committed discards it the same way. Directories made for the set ({@link #directory}) go too, when left empty, and
 * so do outputs another writer put in place ({@link #onDiscard}, e.g. a distributed engine's tables).
 */
public final class OutputSet implements AutoCloseable {
    private final List<AtomicFile> staged = new ArrayList<>();
    private final List<Path> placed = new ArrayList<>();
    private final List<Pending> throughs = new ArrayList<>();
    private final List<Path> directories = new ArrayList<>();
    private final List<Runnable> removals = new ArrayList<>();
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

    /**
     * Makes {@code dir} and its missing parents, for files of this set written by other means (then {@link #adopt
     * adopted}); the directories it made are removed again, if empty, when the set is discarded.
     */
    public void directory(Path dir) {
        List<Path> missing = new ArrayList<>();
        for (Path d = dir.toAbsolutePath().normalize(); d != null && !Files.exists(d); d = d.getParent()) {
            missing.add(0, d);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw AtomicFile.failure("cannot create the directory", dir, e);
        }
        directories.addAll(missing);
    }

    /**
     * An output another writer already put in place (e.g. a table a Spark cluster wrote to its own file system), and
     * how to remove it: {@code removal} runs if the set is discarded.
     */
    public void onDiscard(Runnable removal) {
        removals.add(removal);
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
        for (Runnable r : removals) {
            try {
                r.run();
            } catch (RuntimeException ignored) {
                // the others are still removed
            }
        }
        for (int i = directories.size() - 1; i >= 0; i--) { // deepest first
            try {
                Files.deleteIfExists(directories.get(i));
            } catch (IOException ignored) {
                // not empty: it holds files that are not this set's
            }
        }
        placed.clear();
        staged.clear();
        removals.clear();
        directories.clear();
    }
}
