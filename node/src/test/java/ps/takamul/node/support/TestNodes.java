package ps.takamul.node.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import ps.takamul.node.TakamulNode;
import ps.takamul.node.config.NodeSettings;

/**
 * Starts real nodes for the tests: the shipped catalogue (config/catalogue) plus the test
 * services, the shipped mediation routes, a fresh data folder, and free ports.
 */
public final class TestNodes {
    /** The repository root, seen from the node module where Maven runs the tests. */
    public static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private TestNodes() {
    }

    /**
     * A catalogue folder holding the shipped files, with their contract documents (in
     * {@code contracts/}), and {@code test-services.yaml}.
     */
    public static Path catalogue(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("catalogue"));
        Path from = REPO.resolve("config/catalogue");
        try (Stream<Path> shipped = Files.walk(from)) {
            for (Path p : shipped.toList()) {
                Path to = folder.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (InputStream in = TestNodes.class.getResourceAsStream("/test-services.yaml")) {
            Files.copy(in, folder.resolve("test-services.yaml"), StandardCopyOption.REPLACE_EXISTING);
        }
        return folder;
    }

    /** An agreements folder holding the shipped agreements and {@code test-agreements.yaml}. */
    public static Path agreements(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("agreements"));
        try (Stream<Path> shipped = Files.list(REPO.resolve("config/agreements"))) {
            for (Path p : shipped.toList()) {
                Files.copy(p, folder.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (InputStream in = TestNodes.class.getResourceAsStream("/test-agreements.yaml")) {
            Files.copy(in, folder.resolve("test-agreements.yaml"), StandardCopyOption.REPLACE_EXISTING);
        }
        return folder;
    }

    /** Settings for a node on free loopback ports, its data and catalogue under {@code dir}. */
    public static Map<String, String> settings(Path dir, Path catalogue, String providerUrl,
                                               String registryUrl, String slowRegistryUrl) {
        Map<String, String> s = new HashMap<>();
        s.put("takamul.node.id", "test-node");
        s.put("takamul.data.dir", dir.resolve("data").toString());
        s.put("takamul.catalogue.dir", catalogue.toString());
        s.put("takamul.agreements.dir", agreementsNextTo(catalogue).toString());
        s.put("takamul.mediation.dir", REPO.resolve("routes/mediation").toString());
        s.put("takamul.http.host", "127.0.0.1");
        s.put("takamul.http.port", "0");
        s.put("takamul.soap.port", String.valueOf(freePort()));
        s.put("takamul.limits.max-body-bytes", "65536");
        s.put("takamul.reply.margin", "500ms");
        s.put("test.provider.url", providerUrl);
        s.put("test.closed.port", String.valueOf(freePort()));
        s.put("civil-registry.url", registryUrl);
        s.put("test.slow-registry.url", slowRegistryUrl);
        return s;
    }

    /** The agreements folder beside a test catalogue folder, made on first use. */
    private static Path agreementsNextTo(Path catalogue) {
        Path folder = catalogue.resolveSibling("agreements");
        try {
            return Files.isDirectory(folder) ? folder : agreements(catalogue.getParent());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TakamulNode start(Map<String, String> settings) throws Exception {
        return TakamulNode.start(NodeSettings.load(null, settings));
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
