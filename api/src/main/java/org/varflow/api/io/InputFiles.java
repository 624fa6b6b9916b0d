package org.varflow.api.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.varflow.api.ConfigurationException;

/**
 * Opens input files so that no input can exhaust the machine: every stream is bounded by the bytes actually read,
 * not by the size a file reports (a device such as {@code /dev/zero}, a pipe or {@code /proc} file reports none), and
 * a file that is not a regular file is opened on a helper thread, so that a named pipe that no program writes to is
 * refused after {@link #openTimeoutMillis()} instead of hanging. Every failure is a {@link ConfigurationException}
 * that names the file and says why.
 */
public final class InputFiles {
    /** How long opening a pipe or device may take, unless the system property {@value #TIMEOUT_PROPERTY} says. */
    public static final long DEFAULT_OPEN_TIMEOUT_MILLIS = 10_000;
    /** System property: milliseconds to wait for a pipe or device to open. */
    public static final String TIMEOUT_PROPERTY = "varflow.input.openTimeoutMillis";

    private InputFiles() {
    }

    /** How long opening a non-regular file may take. */
    public static long openTimeoutMillis() {
        try {
            return Long.parseLong(System.getProperty(TIMEOUT_PROPERTY, "" + DEFAULT_OPEN_TIMEOUT_MILLIS));
        } catch (NumberFormatException e) {
            return DEFAULT_OPEN_TIMEOUT_MILLIS;
        }
    }

    /**
     * Opens {@code file} for reading at most {@code maxBytes}; reading more throws a {@link ConfigurationException}.
     *
     * @param what how messages name the file, e.g. "spec file" or "data file"
     */
    public static InputStream open(Path file, long maxBytes, String what) {
        String shown = (what.isEmpty() ? "" : what + " ") + Excerpt.path(file.toString());
        if (Files.isDirectory(file)) {
            throw new ConfigurationException(shown + " is a directory; give a file");
        }
        InputStream in;
        try {
            in = Files.isRegularFile(file) || !Files.exists(file) ? Files.newInputStream(file)
                    : openSlowly(file, shown);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read " + shown + ": " + IoErrors.reason(e));
        }
        return new Limited(in, maxBytes, shown, "the most read from such an input");
    }

    /** Reads a whole file, at most {@code maxBytes}. */
    public static byte[] readAll(Path file, long maxBytes, String what) {
        try (InputStream in = open(file, maxBytes, what)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ConfigurationException("cannot read " + (what.isEmpty() ? "" : what + " ")
                    + Excerpt.path(file.toString()) + ": " + IoErrors.reason(e));
        }
    }

    /** A byte count as people read it: "512 bytes", "1 MiB", "256 MiB". */
    public static String size(long bytes) {
        if (bytes < 1024 || bytes % 1024 != 0) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < (1 << 20) || bytes % (1 << 20) != 0) {
            return (bytes >> 10) + " KiB";
        }
        return (bytes >> 20) + " MiB";
    }

    /** A pipe or device: open() may block until a writer comes; wait a while, then refuse. */
    private static InputStream openSlowly(Path file, String shown) throws IOException {
        CompletableFuture<InputStream> opening = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                opening.complete(Files.newInputStream(file));
            } catch (IOException | RuntimeException e) {
                opening.completeExceptionally(e);
            }
        }, "varflow-open-input");
        opener.setDaemon(true);
        opener.start();
        long wait = openTimeoutMillis();
        try {
            return opening.get(wait, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            release(file, opening);
            throw new ConfigurationException(shown + " is a pipe or device that nothing writes to: it did not open"
                    + " within " + wait / 1000.0 + " s. Start the program that writes to it first, or give a regular"
                    + " file");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(file, opening);
            throw new ConfigurationException(shown + ": interrupted while waiting for it to open");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new ConfigurationException("cannot read " + shown + ": " + e.getCause());
        }
    }

    /** Unblocks the opener thread (a writer's open pairs with the waiting reader's), then closes what it opened. */
    private static void release(Path file, CompletableFuture<InputStream> opening) {
        Thread releaser = new Thread(() -> {
            try {
                // opened and closed at once: the reader sees the end of the stream
                Files.newOutputStream(file, java.nio.file.StandardOpenOption.WRITE).close();
            } catch (IOException | RuntimeException ignored) {
                // nothing more to do: the opener stays blocked on a daemon thread
            }
        }, "varflow-release-input");
        releaser.setDaemon(true);
        releaser.start();
        var unused = opening.whenComplete((in, failure) -> {
            if (in != null) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // being discarded
                }
            }
        });
    }

    /**
     * A stream that refuses to deliver more than a limit of bytes: past it, a {@link ConfigurationException} says
     * "{@code shown} is larger than LIMIT, {@code why}" (the one bound for files, pipes and devices alike).
     */
    static final class Limited extends FilterInputStream {
        private final long limit;
        private final String shown;
        private final String why;
        private long read;

        Limited(InputStream in, long limit, String shown, String why) {
            super(in);
            this.limit = limit;
            this.shown = shown;
            this.why = why;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, limit - read + 1)));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(Math.min(n, Math.max(0, limit - read + 1)));
            count(s);
            return s;
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw new ConfigurationException(shown + " is larger than " + size(limit) + ", " + why);
            }
        }
    }
}
