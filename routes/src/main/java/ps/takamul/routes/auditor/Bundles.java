package ps.takamul.routes.auditor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.NoSuchElementException;
import ps.takamul.audit.bundle.Exporter;

/**
 * {@code GET /audit/api/export} and {@code GET /audit/api/messages/{messageId}/evidence}: the
 * bundles an auditor verifies offline ({@code takamul audit verify}). Each is written to a
 * temporary file readable by the node's user only, then sent once the reading is recorded.
 */
final class Bundles {
    static final String MEDIA_TYPE = "application/zip";

    private final AuditorAccess access;

    Bundles(AuditorAccess access) {
        this.access = access;
    }

    /** Records [from, to) by sequence number; the whole log by default. */
    Answer export(AuditorRequest request) throws IOException {
        long size = access.log().size();
        Long from = request.query().number("from", 0, size);
        Long to = request.query().number("to", 0, size);
        long start = from == null ? 0 : from;
        long end = to == null ? size : to;
        if (start > end) {
            throw Refusal.badRequest("from must not be after to");
        }
        Exporter exporter = access.exporter();
        return write("export-" + start + "-" + end + ".zip", out -> {
            try {
                exporter.export(start, end, out);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw Refusal.badRequest(e.getMessage());
            }
        });
    }

    Answer evidence(AuditorRequest request) throws IOException {
        String messageId = request.pathParameter("messageId");
        Exporter exporter = access.exporter();
        return write("evidence.zip", out -> {
            try {
                exporter.evidence(messageId, out);
            } catch (NoSuchElementException e) {
                throw Refusal.notFound("no record has message id " + QueryParameters.printable(messageId));
            }
        });
    }

    private interface Writing {
        void to(OutputStream out) throws IOException;
    }

    private static Answer write(String name, Writing writing) throws IOException {
        Path file = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile("takamul-audit-", ".zip", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile("takamul-audit-", ".zip");
        try (OutputStream out = Files.newOutputStream(file)) {
            writing.to(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return Answer.file(MEDIA_TYPE, file, name);
    }
}
