package org.varflow.core.output;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where an output really goes. Symbolic links are followed to their target (a link is never replaced by a regular
 * file); an existing file that is not a regular file (pipe, terminal, device), and anything under {@code /dev} or
 * {@code /proc} ({@code /dev/stdout} is a link to {@code /proc/self/fd/1}, whose target may be a pipe or a redirected
 * file that must not be renamed over), is written through.
 *
 * @param path         the file to write (the link's final target for a link)
 * @param writeThrough whether to write into it directly instead of under a temporary name renamed into place
 */
record Destination(Path path, boolean writeThrough) {
    private static final int MAX_LINKS = 40;

    static Destination of(Path target) throws IOException {
        Path p = target.toAbsolutePath().normalize();
        if (p.startsWith("/dev") || p.startsWith("/proc")) {
            if (!Files.exists(p)) {
                throw new java.nio.file.NoSuchFileException(p.toString());
            }
            return new Destination(p, true);
        }
        if (Files.exists(p)) { // following links
            if (!Files.isRegularFile(p)) {
                if (Files.isDirectory(p)) {
                    throw new java.nio.file.FileSystemException(p.toString(), null, "is a directory");
                }
                return new Destination(p, true);
            }
            return new Destination(p.toRealPath(), false);
        }
        return new Destination(finalTarget(p), false);
    }

    /** A path that does not exist: itself, or where its chain of (dangling) links ends. */
    private static Path finalTarget(Path p) throws IOException {
        Path at = p;
        for (int hops = 0; Files.isSymbolicLink(at); hops++) {
            if (hops == MAX_LINKS) {
                throw new FileSystemLoopException(p.toString());
            }
            Path link = Files.readSymbolicLink(at);
            at = at.resolveSibling(link).toAbsolutePath().normalize();
        }
        Path parent = at.getParent();
        if (parent != null && Files.exists(parent, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(parent)) {
            throw new java.nio.file.NotDirectoryException(parent.toString());
        }
        return parent != null && Files.isDirectory(parent) ? parent.toRealPath().resolve(at.getFileName()) : at;
    }
}
