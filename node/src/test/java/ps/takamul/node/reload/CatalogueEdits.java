package ps.takamul.node.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What an operator does to the catalogue and agreement files, by text, as in an editor. */
final class CatalogueEdits {
    private CatalogueEdits() {
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Replaces the one occurrence of {@code old}. */
    static void replace(Path file, String old, String replacement) throws IOException {
        String text = read(file);
        assertThat(text).as(file.getFileName() + " holds the text to edit").contains(old);
        assertThat(text.indexOf(old)).as("only once").isEqualTo(text.lastIndexOf(old));
        write(file, text.replace(old, replacement));
    }

    static void append(Path file, String text) throws IOException {
        write(file, read(file) + text);
    }

    /** The service entry starting with {@code - code: <code>} up to the next entry. */
    static String serviceEntry(String catalogue, String code) {
        return entry(catalogue, "          - code: ", code);
    }

    /** The agreement entry starting with {@code - id: <id>} up to the next entry. */
    static String agreementEntry(String agreements, String id) {
        return entry(agreements, "  - id: ", id);
    }

    private static String entry(String text, String marker, String name) {
        int from = text.indexOf(marker + name + "\n");
        assertThat(from).as(marker.strip() + " " + name).isNotNegative();
        int to = text.indexOf(marker, from + marker.length());
        return text.substring(from, to < 0 ? text.length() : to);
    }
}
