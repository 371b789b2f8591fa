package ps.takamul.security.ocsp;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import ps.takamul.security.pki.CaIndex;
import ps.takamul.security.pki.FileVersion;
import ps.takamul.security.pki.InstanceCa;

/**
 * {@code index.json} with a lookup by serial, re-read when the file changes. The CA rewrites it
 * by atomic rename, so a change shows as a new file, time or size: one stat per request finds it.
 */
final class WatchedCaIndex implements IssuedCertificates {
    private record Snapshot(FileVersion version, Map<String, CaIndex.Entry> bySerial) {
    }

    private final Path file;
    private volatile Snapshot snapshot;

    WatchedCaIndex(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        this.snapshot = load(version());
    }

    @Override
    public Optional<CaIndex.Entry> find(BigInteger serial) {
        Snapshot current = snapshot;
        FileVersion version = version();
        if (!current.version().equals(version)) {
            current = load(version);
            snapshot = current;
        }
        return Optional.ofNullable(current.bySerial().get(InstanceCa.hex(serial)));
    }

    private Snapshot load(FileVersion version) {
        Map<String, CaIndex.Entry> bySerial = CaIndex.read(file).certificates().stream()
                .collect(Collectors.toUnmodifiableMap(CaIndex.Entry::serial, Function.identity(), (a, b) -> b));
        return new Snapshot(version, bySerial);
    }

    private FileVersion version() {
        try {
            return FileVersion.of(file);
        } catch (IOException e) {
            throw new IllegalStateException("the CA index " + file + " is unreadable: " + e.getMessage(), e);
        }
    }
}
