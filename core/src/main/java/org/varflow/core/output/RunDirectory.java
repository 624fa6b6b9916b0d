package org.varflow.core.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.varflow.api.ConfigurationException;
import org.varflow.api.io.Excerpt;
import org.varflow.api.io.InputFiles;
import org.varflow.api.io.IoErrors;

/**
 * An output directory owned by one run. The run records who it is in {@value #MANIFEST} (its id, the digest of its
 * spec, and at the end the files it wrote) and holds {@value #LOCK} locked while it works, so:
 *
 * <ul>
 *   <li>a new run refuses a directory that holds another run's files (its manifest, checkpoint, summary, trajectory,
 *       plots, report or partial files) unless told to replace them, and then removes only those, never other
 *       files;</li>
 *   <li>a second process on the same directory (two {@code resume}s, a {@code run} during a {@code resume}) is refused
 *       with the pid, start time and command of the one holding it;</li>
 *   <li>{@code resume} checks that the checkpoint belongs to the run the directory records;</li>
 *   <li>a run that fails removes what it wrote (keeping its checkpoint and manifest only when asked, so that it can be
 *       resumed), and a directory it made is removed again.</li>
 * </ul>
 */
public final class RunDirectory implements AutoCloseable {
    /** Who owns the directory: run id, spec digest, files written. */
    public static final String MANIFEST = ".varflow-run.json";
    /** Locked while a process works in the directory. */
    public static final String LOCK = ".varflow.lock";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final boolean created;
    private final String runId;
    private final String specDigest;
    private final Held lock;
    private final boolean resumed;
    private final Set<Path> written = new LinkedHashSet<>();
    private boolean done;

    private RunDirectory(Path dir, boolean created, String runId, String specDigest, Held lock, boolean resumed) {
        this.dir = dir;
        this.resumed = resumed;
        this.created = created;
        this.runId = runId;
        this.specDigest = specDigest;
        this.lock = lock;
    }

    /**
     * Claims {@code dir} for a new run: creates it if needed, locks it, and refuses it when it holds another run's
     * files unless {@code replace} (then those files, and only those, are removed).
     *
     * @param outputNames the names of the files runs write there (summary, trajectory, checkpoint, plots...)
     * @param replaceHow  how the user asks to replace them, for the message (e.g. "--force")
     * @param command     how the lock names this process to another one (e.g. "varflow run langevin")
     */
    public static RunDirectory claim(Path dir, String specDigest, Set<String> outputNames, boolean replace,
                                     String replaceHow, String command) {
        String shown = Excerpt.path(dir.toString());
        boolean created = !Files.exists(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(IoErrors.describe("cannot create the output directory", dir, e), e);
        }
        String runId = UUID.randomUUID().toString();
        Held lock = Held.take(dir, runId, command);
        try {
            List<Path> other = othersFiles(dir, outputNames);
            if (!other.isEmpty() && !replace) {
                throw new ConfigurationException("the output directory " + shown + " holds the files of another"
                        + " run (" + names(other) + "); give " + replaceHow + " to replace them, or another"
                        + " directory");
            }
            for (Path p : other) {
                Files.deleteIfExists(p);
            }
            RunDirectory d = new RunDirectory(dir, created, runId, specDigest, lock, false);
            d.writeManifest(List.of());
            return d;
        } catch (IOException e) {
            lock.release();
            throw new UncheckedIOException(IoErrors.describe("cannot prepare the output directory", dir, e), e);
        } catch (RuntimeException e) {
            lock.release();
            if (created) {
                deleteQuietly(dir);
            }
            throw e;
        }
    }

    /**
     * Takes over {@code dir} to resume the run it records: locks it, reads its manifest, removes partial files left
     * by the process that was killed.
     */
    public static RunDirectory resume(Path dir, String command) {
        String shown = Excerpt.path(dir.toString());
        if (!Files.isDirectory(dir)) {
            throw new ConfigurationException("resume " + shown + ": not a directory; give the --out DIR of the run");
        }
        Held lock = Held.take(dir, "resume-" + UUID.randomUUID(), command);
        try {
            Path manifest = dir.resolve(MANIFEST);
            if (!Files.isRegularFile(manifest)) {
                throw new ConfigurationException("resume " + shown + ": the directory records no run (no "
                        + MANIFEST + "); was it the --out DIR of a run started with --checkpoint-every?");
            }
            JsonNode m = JSON.readTree(InputFiles.readAll(manifest, 1 << 20, ""));
            String runId = m.path("runId").asText("");
            String digest = m.path("spec").asText("");
            if (runId.isEmpty() || digest.isEmpty()) {
                throw new ConfigurationException("resume " + shown + ": its " + MANIFEST + " is damaged (no run id"
                        + " or spec digest)");
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.filter(RunDirectory::isPartial).toList()) {
                    Files.deleteIfExists(p);
                }
            }
            return new RunDirectory(dir, false, runId, digest, lock, true);
        } catch (JsonProcessingException e) {
            lock.release();
            throw new ConfigurationException("resume " + shown + ": its " + MANIFEST + " is damaged ("
                    + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            lock.release();
            throw new UncheckedIOException(IoErrors.describe("cannot read the output directory", dir, e), e);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /** The run's id, which its checkpoints carry. */
    public String runId() {
        return runId;
    }

    /** The directory. */
    public Path path() {
        return dir;
    }

    /**
     * Refuses a checkpoint that is not this run's: written by another run, or with a spec other than the one the run
     * started with.
     */
    public void checkCheckpoint(String checkpointRunId, String checkpointSpecDigest, Path checkpoint) {
        String name = "checkpoint " + Excerpt.path(checkpoint.toString());
        if (!checkpointRunId.equals(runId)) {
            throw new ConfigurationException(name + " was written by another run (" + Excerpt.quote(checkpointRunId)
                    + ") than the one " + Excerpt.path(dir.toString()) + " records (" + runId + "); it cannot be"
                    + " resumed here");
        }
        if (!checkpointSpecDigest.equals(specDigest)) {
            throw new ConfigurationException(name + " records a spec other than the one the run started with (its"
                    + " parts, parameters or length were changed); it cannot be resumed");
        }
    }

    /** Notes a file this run wrote into the directory (listed in the manifest, removed if the run fails). */
    public void record(Path file) {
        written.add(file.toAbsolutePath().normalize());
    }

    /** The run succeeded: lists what it wrote in the manifest and unlocks the directory. */
    public void finish() {
        List<String> names = new ArrayList<>();
        for (Path p : written) {
            if (dir.toAbsolutePath().normalize().equals(p.getParent()) && Files.exists(p)) {
                names.add(p.getFileName().toString());
            }
        }
        try {
            writeManifest(names);
        } finally {
            done = true;
            lock.release();
        }
    }

    /**
     * The run failed: removes what it wrote and its partial files; keeps {@code keep} (e.g. its checkpoint) and then
     * the manifest too, so that it can be resumed (a resumed run always keeps the manifest); removes the directory if
     * the run made it and it is empty.
     */
    public void abandon(Path keep) {
        if (done) {
            return;
        }
        done = true;
        boolean keeping = keep != null && Files.isRegularFile(keep);
        for (Path p : written) {
            if (!p.equals(keep == null ? null : keep.toAbsolutePath().normalize())) {
                deleteQuietly(p);
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(RunDirectory::isPartial).toList()) {
                deleteQuietly(p);
            }
        } catch (IOException ignored) {
            // the directory went away
        }
        if (!keeping && !resumed) {
            deleteQuietly(dir.resolve(MANIFEST)); // a resumed run's record stays: the directory was its before
        }
        lock.release();
        if (created && !keeping) {
            deleteQuietly(dir); // only if empty
        }
    }

    /** Abandons the run (keeping nothing) unless it finished or was abandoned. */
    @Override
    public void close() {
        abandon(null);
    }

    private void writeManifest(List<String> files) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("varflow", "run directory");
        m.put("runId", runId);
        m.put("spec", specDigest);
        m.put("started", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("files", files);
        try {
            AtomicFile.write(dir.resolve(MANIFEST), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m)
                    + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files of a run found in {@code dir}: its manifest and what it lists, known output names, partial files. */
    private static List<Path> othersFiles(Path dir, Set<String> outputNames) throws IOException {
        Set<String> names = new LinkedHashSet<>(outputNames);
        names.add(MANIFEST);
        Path manifest = dir.resolve(MANIFEST);
        if (Files.isRegularFile(manifest)) {
            try {
                for (JsonNode f : JSON.readTree(InputFiles.readAll(manifest, 1 << 20, "")).path("files")) {
                    String n = f.asText("");
                    if (!n.isEmpty() && !n.contains("/") && !n.equals("..") && !n.equals(".")) {
                        names.add(n);
                    }
                }
            } catch (JsonProcessingException e) {
                // a damaged manifest still marks the directory as another run's
            }
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String n = p.getFileName().toString();
                if (!n.equals(LOCK) && Files.isRegularFile(p) && (names.contains(n) || isPartial(p))) {
                    found.add(p);
                }
            }
        }
        return found;
    }

    private static boolean isPartial(Path p) {
        return p.getFileName().toString().endsWith(".partial") && Files.isRegularFile(p);
    }

    private static String names(List<Path> files) {
        List<String> shown = new ArrayList<>();
        for (Path p : files.subList(0, Math.min(4, files.size()))) {
            shown.add(Excerpt.path(p.getFileName().toString()));
        }
        return String.join(", ", shown) + (files.size() > 4 ? " and " + (files.size() - 4) + " more" : "");
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // not empty, or gone
        }
    }

    /**
     * The lock file, locked: it names the holder (pid, start time, command) so that a second process can say who
     * holds the directory.
     */
    private static final class Held {
        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;
        private boolean released;

        private Held(Path file, FileChannel channel, FileLock lock) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
        }

        static Held take(Path dir, String nonce, String command) {
            Path file = dir.resolve(LOCK);
            String shown = Excerpt.path(dir.toString());
            for (int attempt = 0; attempt < 5; attempt++) {
                FileChannel ch = null;
                try {
                    ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
                    FileLock l;
                    try {
                        l = ch.tryLock();
                    } catch (OverlappingFileLockException e) {
                        l = null; // this JVM holds it
                    }
                    if (l == null) {
                        String holder = holder(file);
                        ch.close();
                        throw new ConfigurationException("the directory " + shown + " is in use by another varflow"
                                + " process (" + holder + "); wait for it to finish, or stop it first");
                    }
                    String me = "pid " + ProcessHandle.current().pid() + ", started " + started() + ", "
                            + Excerpt.quote(command) + " [" + nonce + "]";
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                    // a finishing process deletes its lock file: make sure the path still names the file locked
                    if (Files.exists(file) && Files.readString(file).contains(nonce)) {
                        return new Held(file, ch, l);
                    }
                    l.release();
                    ch.close();
                } catch (IOException e) {
                    closeQuietly(ch);
                    throw new UncheckedIOException(IoErrors.describe("cannot lock the directory", dir, e), e);
                }
            }
            throw new ConfigurationException("the directory " + shown + " is in use: its lock changed hands while"
                    + " it was taken; try again");
        }

        private static String holder(Path file) {
            try {
                String text = Files.readString(file).strip();
                text = text.replaceAll(" \\[[^\\]]*\\]$", "");
                return text.isEmpty() ? "a process that is starting" : Excerpt.message(text);
            } catch (IOException | RuntimeException e) {
                return "a process whose lock file cannot be read";
            }
        }

        private static String started() {
            return ProcessHandle.current().info().startInstant()
                    .map(i -> i.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("at an unknown time");
        }

        void release() {
            if (released) {
                return;
            }
            released = true;
            deleteQuietly(file);
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing releases it too
            }
            closeQuietly(channel);
        }

        private static void closeQuietly(FileChannel ch) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }
}
