package org.varflow.api.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why an I/O operation failed, in the words of the operating system ("permission denied", "no space left on device",
 * "not a directory"), for messages of the form "cannot write FILE: REASON". {@link IOException#getMessage()} alone
 * often holds only the file name (an {@link AccessDeniedException} says nothing else).
 */
public final class IoErrors {
    private IoErrors() {
    }

    /** The reason, lower case, without the file name; never empty. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return withDetail("permission denied", (FileSystemException) e);
        }
        if (e instanceof NoSuchFileException) {
            return withDetail("no such file or directory", (FileSystemException) e);
        }
        if (e instanceof NotDirectoryException) {
            return withDetail("not a directory", (FileSystemException) e);
        }
        if (e instanceof FileAlreadyExistsException) {
            return withDetail("it already exists", (FileSystemException) e);
        }
        if (e instanceof DirectoryNotEmptyException) {
            return withDetail("the directory is not empty", (FileSystemException) e);
        }
        if (e instanceof FileSystemLoopException) {
            return "too many levels of symbolic links";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return lower(fs.getReason());
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // e.g. "No space left on device", or "/x/y (Permission denied)" from java.io
        int open = m.lastIndexOf(" (");
        if (open > 0 && m.endsWith(")")) {
            return lower(m.substring(open + 2, m.length() - 1));
        }
        return lower(m);
    }

    /** "what PATH: reason", the form of every I/O message, with the path quoted when it holds odd characters. */
    public static String describe(String what, Object path, IOException e) {
        return what + " " + Excerpt.path(String.valueOf(path)) + ": " + reason(e);
    }

    private static String withDetail(String base, FileSystemException e) {
        String r = e.getReason();
        return r == null || r.isBlank() || lower(r).equals(base) ? base : base + " (" + lower(r) + ")";
    }

    private static String lower(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
        }
        return s;
    }
}
