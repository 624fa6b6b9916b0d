package org.varflow.api.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

/** The reason of an I/O failure, not just its file name. */
class IoErrorsTest {
    @Test
    void namesTheReason() {
        assertThat(IoErrors.reason(new AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(IoErrors.reason(new NoSuchFileException("/x"))).isEqualTo("no such file or directory");
        assertThat(IoErrors.reason(new NotDirectoryException("/x"))).isEqualTo("not a directory");
        assertThat(IoErrors.reason(new FileSystemException("/x", null, "No space left on device")))
                .isEqualTo("no space left on device");
        assertThat(IoErrors.reason(new IOException("No space left on device"))).isEqualTo("no space left on device");
        assertThat(IoErrors.reason(new java.io.FileNotFoundException("/x/y (Permission denied)")))
                .isEqualTo("permission denied");
        assertThat(IoErrors.reason(new IOException())).isEqualTo("IOException");
        assertThat(IoErrors.describe("cannot write", "/out/s.json", new AccessDeniedException("/out/s.json")))
                .isEqualTo("cannot write /out/s.json: permission denied");
    }
}
