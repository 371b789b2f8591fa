package ps.takamul.node.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ps.takamul.audit.AuditLog;
import ps.takamul.audit.bundle.Exporter;
import ps.takamul.audit.checkpoint.SignedCheckpoints;
import ps.takamul.audit.checkpoint.CheckpointPolicy;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.store.AuditStore;
import ps.takamul.audit.store.AuditStores;
import ps.takamul.audit.store.GroupCommitSettings;
import ps.takamul.core.audit.AdminAction;
import ps.takamul.core.audit.AdminAudit;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.node.audit.auditors.Auditors;
import ps.takamul.node.config.NodeSettings;
import ps.takamul.routes.auditor.Auditor;
import ps.takamul.routes.auditor.AuditorAccess;
import ps.takamul.routes.audit.AuditTrail;
import ps.takamul.routes.audit.BodyMask;

/**
 * The node's audit log, as its settings ({@code takamul.audit.*}) describe it: the store
 * (embedded H2 under the data folder, or PostgreSQL), the checkpoint key and schedule, and the
 * routes' side of it. Administrative actions go into the same log.
 */
public final class NodeAudit implements AdminAudit, AuditorAccess, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeAudit.class);
    /** An admin action is rare and must be on record before the node goes on. */
    private static final long ADMIN_WAIT_SECONDS = 10;

    private final String origin;
    private final AuditLog log;
    private final AuditTrail trail;
    private final Exporter exporter;
    private Auditors auditors;
    private Path usersFile;
    private Retention retention;

    private NodeAudit(String origin, AuditLog log, AuditTrail trail, Exporter exporter) {
        this.origin = origin;
        this.log = log;
        this.trail = trail;
        this.exporter = exporter;
    }

    /** Opens the log the settings name; fails if its database cannot be reached. */
    public static NodeAudit open(NodeSettings settings, Supplier<Catalogue> catalogue,
                                 java.util.function.BiFunction<String, String, char[]> secrets) throws IOException {
        String origin = settings.nodeId();
        Path dir = settings.getPath("takamul.data.dir").resolve("audit");
        AuditStore store = store(settings, dir, secrets);
        try {
            CheckpointKey key = settings.get("takamul.audit.signing.keystore").isEmpty()
                    ? CheckpointKey.ensureDev(dir, origin)
                    : CheckpointKey.load(settings.getPath("takamul.audit.signing.keystore"),
                            secrets.apply("takamul.audit.signing.password", "TAKAMUL_AUDIT_SIGNING_PASSWORD"));
            CheckpointPolicy policy = new CheckpointPolicy(settings.getLong("takamul.audit.checkpoint.records"),
                    settings.getDuration("takamul.audit.checkpoint.interval"));
            Timestamps tsa = Timestamps.of(settings, secrets);
            AuditLog log = new AuditLog(store, new SignedCheckpoints(origin, key.key(), key.chain(), tsa.source()),
                    policy, Clock.systemUTC());
            BodyMask mask = new BodyMask(fields(settings.get("takamul.audit.mask-fields")));
            NodeAudit audit = new NodeAudit(origin, log, new AuditTrail(log, origin, catalogue, mask),
                    new Exporter(log, origin, key.chain(), tsa.chain()));
            try {
                audit.finishOpening(settings, dir);
            } catch (RuntimeException e) {
                audit.close();
                throw e;
            }
            LOG.info("Audit log: {} ({} records), checkpoints every {} records or {}, signed by {}, time-stamped {}",
                    describe(settings, dir), log.size(), policy.records(), policy.interval(),
                    key.chain().get(0).getSubjectX500Principal().getName(), tsa.description());
            return audit;
        } catch (IOException | RuntimeException e) {
            store.close(); // a second close of a closed store does nothing
            throw e;
        }
    }

    /** The readers and the retention schedule, once the log itself is up. */
    private void finishOpening(NodeSettings settings, Path dir) {
        Path users = settings.get("takamul.audit.users").isEmpty()
                ? Auditors.defaultFile(settings.getPath("takamul.data.dir")) : settings.getPath("takamul.audit.users");
        Auditors.ensureDefault(users);
        auditors = Auditors.load(users);
        usersFile = users;
        retention = Retention.start(settings, log, exporter, dir);
    }

    private static AuditStore store(NodeSettings settings, Path dir,
                                    java.util.function.BiFunction<String, String, char[]> secrets) throws IOException {
        String kind = settings.get("takamul.audit.store");
        switch (kind) {
            case "embedded" -> {
                Files.createDirectories(dir);
                return AuditStores.h2(dir.resolve("log"), settings.getDuration("takamul.audit.journal.sync-interval"));
            }
            case "postgresql" -> {
                Properties properties = new Properties();
                properties.setProperty("user", settings.get("takamul.audit.jdbc.user"));
                String password = settings.get("takamul.audit.jdbc.password");
                if (password.isEmpty()) {
                    password = System.getenv().getOrDefault("TAKAMUL_AUDIT_DB_PASSWORD", "");
                }
                if (!password.isEmpty()) {
                    properties.setProperty("password", password);
                }
                if (!settings.get("takamul.audit.jdbc.schema").isEmpty()) {
                    properties.setProperty("currentSchema", settings.get("takamul.audit.jdbc.schema"));
                }
                GroupCommitSettings commits = new GroupCommitSettings(settings.getInt("takamul.audit.group-commit.max-batch"),
                        settings.getLong("takamul.audit.group-commit.linger-micros"));
                return AuditStores.postgres(settings.get("takamul.audit.jdbc.url"), properties, commits);
            }
            default -> throw new IllegalStateException("takamul.audit.store is '" + kind
                    + "'; expected embedded or postgresql");
        }
    }

    private static String describe(NodeSettings settings, Path dir) {
        return settings.get("takamul.audit.store").equals("embedded")
                ? "embedded H2 at " + dir.resolve("log.mv.db")
                : "PostgreSQL at " + settings.get("takamul.audit.jdbc.url").replaceFirst("\\?.*$", ""); // no password parameter
    }

    private static Set<String> fields(String list) {
        Set<String> fields = new LinkedHashSet<>();
        Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(fields::add);
        return fields;
    }

    @Override
    public Optional<Auditor> authenticate(String basicAuthorizationHeader) {
        return auditors.authenticate(basicAuthorizationHeader);
    }

    @Override
    public AuditLog log() {
        return log;
    }

    /** Export bundles and evidence packages, signed checkpoints and certificates included. */
    @Override
    public Exporter exporter() {
        return exporter;
    }

    public AuditTrail trail() {
        return trail;
    }

    @Override
    public String origin() {
        return origin;
    }

    /** Records an administrative action in the log and waits until it is durable. */
    @Override
    public void record(AdminAction action) {
        Map<String, String> details = new HashMap<>(action.details());
        details.put("action", action.action());
        AuditRecord record = new AuditRecord(AuditRecord.Kind.ADMIN, action.at(), origin, null, null,
                action.actor(), action.subject(), null, null, null, null, null, null, null, 0, 0, 0, null,
                null, null, null, null, null, details);
        try {
            log.append(record).get(ADMIN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("admin action {} on {} not in the audit log: {}", action.action(), action.subject(),
                    e.getCause() == null ? e.toString() : e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first auditor's password, as made at first start (the file is gone once an operator removes it). */
    public Path defaultPasswordFile() {
        return usersFile.resolveSibling(Auditors.PASSWORD_FILE);
    }

    @Override
    public void close() {
        if (retention != null) {
            retention.close();
        }
        log.close();
    }
}
