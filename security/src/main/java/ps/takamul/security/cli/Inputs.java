package ps.takamul.security.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import ps.takamul.security.pki.PkiException;

/** Reads operator-supplied files with a clear error instead of a stack trace. */
final class Inputs {

    private Inputs() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new PkiException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
