package org.varflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipException;
import org.varflow.api.io.IoErrors;

/**
 * Checks a jar of {@code --plugin-path} before it is put on the class path: a file that is not a zip archive, a
 * truncated one, or one whose entries do not match their checksums would otherwise be skipped without a word (or fail
 * later, far from its cause).
 */
final class PluginJarCheck {
    /** Jars larger than this are only opened, not read through (their entries are checked when loaded). */
    private static final long READ_THROUGH = 64L << 20;

    private PluginJarCheck() {
    }

    /** What is wrong with {@code jar}, or null when it can be used. */
    static String problem(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return "not a regular file";
        }
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            boolean services = false;
            byte[] buffer = new byte[1 << 16];
            long size = Files.size(jar);
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                services |= e.getName().equals("META-INF/services/org.varflow.api.Plugin");
                if (size <= READ_THROUGH && !e.isDirectory()) {
                    try (InputStream in = file.getInputStream(e)) {
                        while (in.read(buffer) >= 0) {
                            // reading to the end checks the entry's CRC
                        }
                    }
                }
            }
            return services ? null : "it lists no plugin (no META-INF/services/org.varflow.api.Plugin)";
        } catch (ZipException e) {
            return "not a jar, or a damaged one (" + IoErrors.reason(e) + ")";
        } catch (IOException | SecurityException e) {
            return "it cannot be read (" + (e instanceof IOException io ? IoErrors.reason(io) : e.getMessage())
                    + ")";
        }
    }
}
