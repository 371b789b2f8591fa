package ps.takamul.node.audit.auditors;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ps.takamul.node.config.NodeSettings;
import ps.takamul.routes.auditor.Auditor;
import ps.takamul.routes.auditor.AuditorRole;
import ps.takamul.routes.auditor.BasicCredentials;

/**
 * The people who may read the audit log, from a properties file (by default
 * {@code <data dir>/audit/auditors.properties}), one line per user:
 * {@code name=role:pbkdf2-sha256:iterations:salt:hash}. {@code takamul audit user add} writes it;
 * a running node picks a change up at the next request.
 *
 * <p>PBKDF2 is slow on purpose, and a page asks for several things at once; a successful
 * verification is therefore remembered for {@link #REMEMBERED} under an HMAC of name and password
 * with a key that lives only in this process. An unknown name costs the same work as a wrong
 * password, so the time of a refusal does not tell which names exist.
 */
public final class Auditors {
    private static final Logger LOG = LoggerFactory.getLogger(Auditors.class);
    /** OWASP's figure for PBKDF2-HMAC-SHA256 (2023). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    public static final String FILE = "auditors.properties";
    public static final String PASSWORD_FILE = "auditor-password";
    public static final String DEFAULT_USER = "auditor";
    static final Duration REMEMBERED = Duration.ofMinutes(2);
    private static final String HEADER = "# Takamul auditors: name=role:pbkdf2-sha256:iterations:salt:hash (takamul audit user add NAME --role auditor|data-protection)";

    private final Path file;
    private final Clock clock;
    private final Mac cacheKeys;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final AtomicLong derivations = new AtomicLong();
    private final byte[] decoySalt = new byte[16];
    private volatile Users users = new Users(Map.of(), null, -1);

    private record Users(Map<String, AuditorEntry> byName, FileTime modified, long size) {
    }

    private record Remembered(Auditor auditor, Instant until) {
    }

    private Auditors(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        try {
            byte[] key = new byte[32];
            SecureRandom random = new SecureRandom();
            random.nextBytes(key);
            random.nextBytes(decoySalt);
            cacheKeys = Mac.getInstance("HmacSHA256");
            cacheKeys.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has HmacSHA256", e);
        }
    }

    /** The users in {@code file}; none while it does not exist. A malformed file fails here, naming the line's user. */
    public static Auditors load(Path file) {
        return load(file, Clock.systemUTC());
    }

    static Auditors load(Path file, Clock clock) {
        Auditors auditors = new Auditors(file, clock);
        auditors.users = read(file);
        return auditors;
    }

    /** The node's auditors file: {@code takamul.audit.users}, or the default one under its data folder. */
    public static Path file(NodeSettings settings) {
        String configured = settings.get("takamul.audit.users");
        return configured.isEmpty() ? defaultFile(settings.getPath("takamul.data.dir")) : settings.getPath("takamul.audit.users");
    }

    /** The default auditors file under a node's data folder. */
    public static Path defaultFile(Path dataDir) {
        return dataDir.resolve("audit").resolve(FILE);
    }

    /**
     * The auditor these HTTP Basic credentials belong to, or empty. Picks up a changed file first;
     * a file that no longer reads keeps the users last read, and says so in the log.
     */
    public Optional<Auditor> authenticate(String authorizationHeader) {
        Optional<BasicCredentials> given = BasicCredentials.parse(authorizationHeader);
        if (given.isEmpty()) {
            return Optional.empty();
        }
        refresh();
        BasicCredentials credentials = given.get();
        String key = cacheKey(credentials);
        Instant now = clock.instant();
        Remembered known = remembered.get(key);
        if (known != null && known.until().isAfter(now)) {
            return Optional.of(known.auditor());
        }
        AuditorEntry entry = users.byName().get(credentials.name());
        derivations.incrementAndGet();
        if (entry == null) {
            int work = users.byName().values().stream().mapToInt(AuditorEntry::iterations).max().orElse(DEFAULT_ITERATIONS);
            AuditorEntry.derive(credentials.password().toCharArray(), decoySalt, work, 32);
            return Optional.empty();
        }
        if (!entry.matches(credentials.password())) {
            return Optional.empty();
        }
        Auditor auditor = new Auditor(entry.name(), entry.role());
        remembered.values().removeIf(r -> !r.until().isAfter(now));
        remembered.put(key, new Remembered(auditor, now.plus(REMEMBERED)));
        return Optional.of(auditor);
    }

    /** How many passwords were put through PBKDF2: what the remembered verifications save. */
    long derivations() {
        return derivations.get();
    }

    /** The users as last read, by name. */
    public Map<String, AuditorRole> roles() {
        refresh();
        Map<String, AuditorRole> roles = new TreeMap<>();
        users.byName().forEach((name, entry) -> roles.put(name, entry.role()));
        return roles;
    }

    /**
     * At a node's first start: when the auditors file does not exist yet, creates it with the user
     * {@value #DEFAULT_USER} (role auditor) and a random password, written once to
     * {@value #PASSWORD_FILE} beside it (readable by the node's user only). Returns that file when
     * it made one; an existing auditors file is left as it is.
     */
    public static Optional<Path> ensureDefault(Path file) {
        return ensureDefault(file, DEFAULT_ITERATIONS);
    }

    static Optional<Path> ensureDefault(Path file, int iterations) {
        if (Files.exists(file)) {
            return Optional.empty();
        }
        String password = AuditorEntry.randomPassword();
        Path passwordFile = file.resolveSibling(PASSWORD_FILE);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            writePrivately(passwordFile, password + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + passwordFile + ": " + e.getMessage(), e);
        }
        add(file, AuditorEntry.create(DEFAULT_USER, AuditorRole.AUDITOR, password.toCharArray(), iterations));
        LOG.info("Audit user '{}' created; its password is in {} (change it with takamul audit user add {} --role auditor)",
                DEFAULT_USER, passwordFile, DEFAULT_USER);
        return Optional.of(passwordFile);
    }

    /** Adds a user, or replaces the one of that name; the file is rewritten whole, readable by the node's user only. */
    public static void add(Path file, String name, AuditorRole role, char[] password, int iterations) {
        add(file, AuditorEntry.create(name, role, password, iterations));
    }

    /** Removes a user; false if there was none of that name. */
    public static synchronized boolean remove(Path file, String name) {
        Map<String, AuditorEntry> all = new TreeMap<>(read(file).byName());
        if (all.remove(name) == null) {
            return false;
        }
        write(file, all.values());
        return true;
    }

    private static synchronized void add(Path file, AuditorEntry entry) {
        Map<String, AuditorEntry> all = new TreeMap<>(read(file).byName());
        all.put(entry.name(), entry);
        write(file, all.values());
    }

    private void refresh() {
        try {
            Users current = users;
            boolean exists = Files.exists(file);
            FileTime modified = exists ? Files.getLastModifiedTime(file) : null;
            long size = exists ? Files.size(file) : -1;
            if (java.util.Objects.equals(modified, current.modified()) && size == current.size()) {
                return;
            }
            synchronized (this) {
                users = read(file);
                remembered.clear();
            }
            LOG.info("Audit users read from {}: {}", file, users.byName().size());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Audit users file {} not read again, keeping the users read before: {}", file, e.getMessage());
        }
    }

    private static Users read(Path file) {
        if (!Files.exists(file)) {
            return new Users(Map.of(), null, -1);
        }
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            Map<String, AuditorEntry> byName = new TreeMap<>();
            p.forEach((name, value) -> byName.put(name.toString(), AuditorEntry.parse(name.toString(), value.toString())));
            return new Users(Map.copyOf(byName), modified, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, Collection<AuditorEntry> entries) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        entries.forEach(e -> text.append(e.name()).append('=').append(e.value()).append('\n'));
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = parent.resolve(file.getFileName() + ".new");
            writePrivately(temporary, text.toString());
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a file that only its owner may read: made so before anything is written into it. */
    private static void writePrivately(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(text);
        }
    }

    private String cacheKey(BasicCredentials credentials) {
        byte[] material = (credentials.name() + '\0' + credentials.password()).getBytes(StandardCharsets.UTF_8);
        synchronized (cacheKeys) {
            return Base64.getEncoder().encodeToString(cacheKeys.doFinal(material));
        }
    }
}
