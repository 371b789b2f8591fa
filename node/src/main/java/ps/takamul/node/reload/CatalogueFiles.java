package ps.takamul.node.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import ps.takamul.node.config.CatalogueSource;

/**
 * The YAML files a catalogue is read from (the same ones the loaders read) and the SHA-256 of
 * each, so an audit record says exactly which content was loaded or rejected, and the watcher can
 * tell a real change from an editor touching a file or writing a swap file.
 */
final class CatalogueFiles {
    private CatalogueFiles() {
    }

    /** The catalogue folders, then the agreement folders. */
    static List<Path> folders(CatalogueSource source) {
        List<Path> folders = new ArrayList<>(source.catalogueFolders());
        folders.addAll(source.agreementFolders());
        return List.copyOf(folders);
    }

    /** File path to its SHA-256 in hex, in path order. */
    static SortedMap<String, String> digests(List<Path> folders) {
        SortedMap<String, String> digests = new TreeMap<>();
        for (Path file : yamlFiles(folders)) {
            try {
                digests.put(file.toString(), HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(file))));
            } catch (IOException e) {
                // Deleted between listing and reading: the next event or check sees the folder as it is then.
                digests.put(file.toString(), "unreadable: " + e.getMessage());
            }
        }
        return digests;
    }

    /**
     * One SHA-256 over every file's name (without its folder, so nodes with other paths compare
     * equal) and digest: what an operator compares between nodes and with {@code catalogue check}.
     */
    static String combined(Map<String, String> digests) {
        MessageDigest all = sha256();
        digests.entrySet().stream().map(e -> Path.of(e.getKey()).getFileName() + "=" + e.getValue() + "\n").sorted()
                .forEach(line -> all.update(line.getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(all.digest());
    }

    static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static List<Path> yamlFiles(List<Path> folders) {
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(CatalogueFiles::isYaml).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder, e);
            }
        }
        return files;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
