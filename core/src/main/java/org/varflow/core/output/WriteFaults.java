package org.varflow.core.output;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test hook that makes output writing fail like a full disk: with the system property {@value #PROPERTY} set to N,
 * the output files written through {@link AtomicFile} fail with "No space left on device" once N bytes have been
 * written in this process since the property was set. Unset (always, outside tests), it costs one property read per
 * file. Tests that cannot mount a small file system use it to check that a run which cannot write its outputs leaves
 * none behind.
 */
public final class WriteFaults {
    /** System property: the bytes that may be written before writes fail. */
    public static final String PROPERTY = "varflow.test.failWritesAfterBytes";
    private static final AtomicLong WRITTEN = new AtomicLong();

    private WriteFaults() {
    }

    /** Starts counting from zero (call when setting the property). */
    public static void reset() {
        WRITTEN.set(0);
    }

    static OutputStream counting(OutputStream out) {
        String limit = System.getProperty(PROPERTY);
        if (limit == null) {
            return out;
        }
        long max = Long.parseLong(limit);
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                count(1);
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                count(len);
                out.write(b, off, len);
            }

            private void count(long n) throws IOException {
                if (WRITTEN.addAndGet(n) > max) {
                    throw new IOException("No space left on device");
                }
            }
        };
    }
}
