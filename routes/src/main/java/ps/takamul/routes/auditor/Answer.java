package ps.takamul.routes.auditor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an auditor request is answered with, before it is sent: held back until the request's
 * LOG_READ record is durable. A bundle is written to a temporary file first, so that a large one
 * is neither held in memory nor half sent when the record cannot be written.
 *
 * @param status      the HTTP status
 * @param contentType the body's media type
 * @param bytes       the body, or null when it is in {@code file}
 * @param file        a temporary file holding the body, deleted once sent or dropped
 * @param headers     headers beyond the content type
 */
record Answer(int status, String contentType, byte[] bytes, Path file, Map<String, String> headers) {

    static Answer ok(String contentType, byte[] body) {
        return new Answer(200, contentType, body, null, new LinkedHashMap<>());
    }

    static Answer file(String contentType, Path file, String downloadName) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Disposition", "attachment; filename=\"" + downloadName + "\"");
        return new Answer(200, contentType, null, file, headers);
    }

    Answer header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    long size() {
        try {
            return bytes != null ? bytes.length : Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops an answer that will not be sent. */
    void discard() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
