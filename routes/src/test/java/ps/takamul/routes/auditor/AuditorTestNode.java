package ps.takamul.routes.auditor;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import ps.takamul.audit.AuditLog;
import ps.takamul.audit.bundle.Exporter;
import ps.takamul.audit.checkpoint.CheckpointPolicy;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.store.AuditStore;
import ps.takamul.audit.store.AuditStores;
import ps.takamul.audit.store.AuditUnavailableException;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.CatalogueLoader;

/**
 * The auditor routes alone in a Camel context on a real Vert.x HTTP port, over a real audit log
 * in an H2 file, its checkpoints signed with a key made for the run. Two users: {@code auditor} and {@code dpo} (data protection). The store can be
 * told to refuse appends, as a database that stopped taking writes would.
 */
final class AuditorTestNode implements AutoCloseable {
    static final String ORIGIN = "PS-TEST-NODE";
    static final String AUDITOR = "auditor";
    static final String AUDITOR_PASSWORD = "كلمة-سر-المدقق";
    static final String DPO = "dpo";
    static final String DPO_PASSWORD = "dpo-secret";
    static final String CATALOGUE = """
            members:
              - id: PS/GOV/MOI
                name: { ar: وزارة الداخلية, en: Ministry of Interior }
                subsystems:
                  - code: civil-registry
                    name: { ar: السجل المدني, en: Civil registry }
                    services:
                      - code: person-by-id
                        version: v1
                        protocol: rest
                        name: { ar: بيانات شخص, en: Person by national ID }
                        description: { ar: بيانات شخص من السجل المدني, en: One person of the civil registry }
                        connector: { type: http, url: "http://127.0.0.1:9/unused" }
              - id: PS/GOV/MOH
                name: { ar: وزارة الصحة, en: Ministry of Health }
                subsystems:
                  - code: health-records
                    name: { ar: السجلات الصحية, en: Health records }
              - id: PS/GOV/MOL
                name: { ar: وزارة العمل, en: Ministry of Labour }
                subsystems:
                  - code: labour-registry
                    name: { ar: سجل العمال, en: Labour registry }
            """;
    static final String PERSON_BY_ID = "PS/GOV/MOI/civil-registry/person-by-id/v1";
    static final String HEALTH = "PS/GOV/MOH/health-records";
    static final String LABOUR = "PS/GOV/MOL/labour-registry";

    final AuditLog log;
    final CheckpointSigner signer;
    final String base;
    private final CamelContext camel;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile boolean appendsFail;

    AuditorTestNode(Path dir) throws Exception {
        AuditStore h2 = AuditStores.h2(dir.resolve("audit"));
        signer = CheckpointSigner.create(ORIGIN);
        log = new AuditLog(failingOnDemand(h2), signer.checkpoints(ORIGIN),
                new CheckpointPolicy(1_000_000, Duration.ofHours(1)), Clock.systemUTC());
        Path catalogueDir = Files.createDirectories(dir.resolve("catalogue"));
        Files.writeString(catalogueDir.resolve("members.yaml"), CATALOGUE);
        Catalogue catalogue = new CatalogueLoader().load(catalogueDir);
        Exporter exporter = new Exporter(log, ORIGIN, List.of(signer.certificate()), List.of());
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        VertxPlatformHttpServerConfiguration config = new VertxPlatformHttpServerConfiguration();
        config.setBindHost("127.0.0.1");
        config.setBindPort(port);
        camel = new DefaultCamelContext();
        camel.addService(new VertxPlatformHttpServer(config));
        camel.addRoutes(new AuditorRoutes(AuditorAccess.of(log, exporter, ORIGIN, header -> BasicCredentials.parse(header)
                .flatMap(c -> c.name().equals(AUDITOR) && c.password().equals(AUDITOR_PASSWORD)
                        ? Optional.of(new Auditor(AUDITOR, AuditorRole.AUDITOR))
                        : c.name().equals(DPO) && c.password().equals(DPO_PASSWORD)
                        ? Optional.of(new Auditor(DPO, AuditorRole.DATA_PROTECTION)) : Optional.empty())), () -> catalogue));
        camel.start();
    }

    /** The store, with appends that fail while {@link #failAppends} says so: reads still work. */
    private AuditStore failingOnDemand(AuditStore store) {
        return (AuditStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AuditStore.class},
                (proxy, method, args) -> {
                    if (appendsFail && method.getName().equals("append")) {
                        return CompletableFuture.failedFuture(new AuditUnavailableException("test: writes refused", null));
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    void failAppends(boolean fail) {
        appendsFail = fail;
    }

    /** Appends and waits until durable; returns the sequence number. */
    long append(AuditRecord record) {
        return log.append(record).join();
    }

    static AuditRecord exchange(Instant at, String messageId, String client, String service, String subject,
                                String purpose, int status, String errorCode) {
        return new AuditRecord(AuditRecord.Kind.EXCHANGE, at, ORIGIN, messageId, messageId, client, service,
                "EE-user-1", purpose, "case-7", subject, at.minusMillis(20), errorCode == null ? at.minusMillis(10) : null,
                at, 12, errorCode == null ? 340 : 0, status, errorCode, null, null, null, null, null, Map.of("hop", "ingress"));
    }

    HttpResponse<byte[]> get(String path, String user, String password) throws IOException, InterruptedException {
        return send(path, "GET", user, password);
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return send(path, "GET", AUDITOR, AUDITOR_PASSWORD);
    }

    HttpResponse<byte[]> send(String path, String method, String user, String password) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() throws Exception {
        camel.close();
        log.close();
    }
}
