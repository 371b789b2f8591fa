package ps.takamul.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import ps.takamul.core.audit.AdminAudit;
import ps.takamul.core.catalogue.CatalogueException;
import io.vertx.core.Handler;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import ps.takamul.node.http.NonBlockingHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.ManagementStatisticsLevel;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.CachingConnectionFactory;
import ps.takamul.connector.Connectors;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.ServiceDescription;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.XRoadHeaders;
import ps.takamul.node.audit.NodeAudit;
import ps.takamul.routes.audit.AuditTrail;
import ps.takamul.routes.auditor.AuditorRoutes;
import ps.takamul.node.broker.EmbeddedBroker;
import ps.takamul.node.config.CatalogueSource;
import ps.takamul.node.config.HostedServices;
import ps.takamul.node.config.NodeSettings;
import ps.takamul.node.reload.HostedRoutes;
import ps.takamul.node.reload.LiveCatalogue;
import ps.takamul.node.tls.MutualTlsListener;
import ps.takamul.node.tls.TlsMaterial;
import ps.takamul.routes.tsa.TimestampRoute;
import ps.takamul.routes.ocsp.OcspRoute;
import ps.takamul.security.ocsp.IssuedCertificates;
import ps.takamul.security.ocsp.OcspResponder;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.pki.Pem;
import java.security.cert.X509Certificate;
import ps.takamul.security.pki.Keystores;
import ps.takamul.security.tsa.TimestampAuthority;
import java.security.KeyStore;
import ps.takamul.routes.agreement.AgreementEnforcement;
import ps.takamul.routes.exchange.CatalogueHolder;
import ps.takamul.routes.exchange.IngressSettings;
import ps.takamul.routes.exchange.RequestContext;
import ps.takamul.routes.trust.MessageTrust;
import ps.takamul.node.trust.TrustSetup;
import ps.takamul.routes.mediation.XmlToJson;
import ps.takamul.routes.metadata.MetadataRoutes;
import ps.takamul.routes.rest.RestIngressRoute;
import ps.takamul.routes.soap.SoapIngressRoute;

/**
 * One running Takamul node: the broker, the Camel context with its ingress, provider and
 * mediation routes, and the HTTP listeners. Plain Camel on Vert.x, no application framework: the
 * message path pays for nothing it does not use (see docs/architecture.md).
 */
public final class TakamulNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TakamulNode.class);
    private static final Logger EXCHANGE_LOG = LoggerFactory.getLogger("takamul.exchange");

    private final NodeSettings settings;
    private final AdminAudit audit;
    private LiveCatalogue live;
    private EmbeddedBroker broker;
    private CachingConnectionFactory connections;
    private DefaultCamelContext camel;
    private CatalogueHolder catalogue;
    private int httpPort;
    private MutualTlsListener tls;
    private MessageTrust trust = MessageTrust.OFF;
    private NodeAudit nodeAudit;

    private TakamulNode(NodeSettings settings, AdminAudit audit) {
        this.settings = settings;
        this.audit = audit;
    }

    public static TakamulNode start(NodeSettings settings) throws Exception {
        return start(settings, AdminAudit.LOG);
    }

    /** A node whose administrative actions (catalogue reloads) go to {@code audit}. */
    public static TakamulNode start(NodeSettings settings, AdminAudit audit) throws Exception {
        TakamulNode node = new TakamulNode(settings, audit);
        try {
            node.doStart();
        } catch (Exception | Error e) {
            node.close();
            throw e;
        }
        return node;
    }

    private void doStart() throws Exception {
        // The catalogue first: a broken one must stop the node before anything listens.
        Catalogue loaded = new CatalogueSource(settings).load();
        catalogue = new CatalogueHolder(loaded);
        // The audit log next: a node that cannot record what it does must not start serving.
        nodeAudit = NodeAudit.open(settings, catalogue, this::secret);

        String brokerUrl = settings.get("takamul.broker.url");
        if (brokerUrl.isEmpty()) {
            broker = new EmbeddedBroker(settings);
            broker.start();
            brokerUrl = EmbeddedBroker.IN_VM_URL;
        }
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl,
                emptyToNull(settings.get("takamul.broker.user")), emptyToNull(settings.get("takamul.broker.password")));
        // Destinations are looked up once per session, not with a broker round-trip per send.
        factory.setCacheDestinations(true);
        // Sends reuse cached sessions and producers instead of opening a connection each time.
        connections = new CachingConnectionFactory(factory);
        connections.setSessionCacheSize(settings.getInt("takamul.broker.session-cache"));
        connections.setCacheConsumers(false);
        connections.setReconnectOnException(true);
        connections.setClientId("takamul-" + settings.nodeId() + "-" + UUID.randomUUID());

        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("takamul-" + settings.nodeId());
        camel.getPropertiesComponent().setInitialProperties(settings.asProperties());
        // Every failure is answered with an error code and logged once by our routes; Camel's
        // default handler would log it again with a stack trace that may quote personal data.
        camel.getCamelContextExtension().setErrorHandlerFactory(new DefaultErrorHandlerDefinition().logExhausted(false));
        // JMX keeps per-route figures for operators; per-processor figures would tax every message.
        camel.getManagementStrategy().getManagementAgent().setStatisticsLevel(ManagementStatisticsLevel.RoutesOnly);
        camel.addComponent("jms", JmsComponent.jmsComponent(connections));
        camel.getRegistry().bind("xmlToJson", new XmlToJson());
        // Platform HTTP creates its Vert.x from the VertxOptions it finds in the registry.
        camel.getRegistry().bind("takamul-http-vertx-options",
                new VertxOptions().setWorkerPoolSize(settings.getInt("takamul.http.worker-threads")));
        camel.addService(httpServer());
        NonBlockingHttpEngine.bindTo(camel.getRegistry());

        long maxBody = settings.getLong("takamul.limits.max-body-bytes");
        TlsMaterial tlsMaterial = settings.getBoolean("takamul.tls.enabled")
                ? TlsMaterial.load(settings.getPath("takamul.tls.keystore"), secret("takamul.tls.password", "TAKAMUL_TLS_PASSWORD"), settings.getPath("takamul.tls.trust"),
                        settings.get("takamul.tls.crl").isEmpty() ? null : settings.getPath("takamul.tls.crl"))
                : null;
        trust = TrustSetup.build(settings, this::secret);
        IngressSettings ingress = new IngressSettings(maxBody, soapAddress(),
                settings.getDuration("takamul.reply.margin").toMillis(),
                settings.getBoolean("takamul.bench.inline-baseline"),
                tlsMaterial != null,
                tlsMaterial == null ? null : tlsMaterial.keys().getKeyManagers(),
                tlsMaterial == null ? null : tlsMaterial.trust().getTrustManagers(),
                trust, new AgreementEnforcement(), nodeAudit.trail(),
                settings.getBoolean("takamul.bench.unaudited-baseline"));
        camel.addRoutes(new RestIngressRoute(catalogue, ingress));
        camel.addRoutes(new SoapIngressRoute(catalogue, ingress));
        camel.addRoutes(new MetadataRoutes(catalogue, ingress));
        camel.addRoutes(new AuditorRoutes(nodeAudit, catalogue));
        if (!settings.get("takamul.tsa.keystore").isEmpty()) {
            char[] password = secret("takamul.tsa.password", "TAKAMUL_TSA_PASSWORD");
            KeyStore tsaKeys = Keystores.load(settings.getPath("takamul.tsa.keystore"), password);
            camel.addRoutes(new TimestampRoute(new TimestampAuthority(Keystores.privateKey(tsaKeys, password),
                    Keystores.chain(tsaKeys))));
        }
        if (!settings.get("takamul.ocsp.keystore").isEmpty()) {
            camel.addRoutes(new OcspRoute(ocspResponder()));
        }
        List<ServiceDescription> hosted = HostedServices.select(settings, loaded);
        requireSigningKeys(hosted);
        Map<ServiceId, Processor> connectors = ConnectorBinding.bind(camel, hosted, Connectors.discover());
        HostedRoutes providers = new HostedRoutes(camel, hosted, connectors, services -> {
            requireSigningKeys(services);
            checkMediationEndpoints(services);
        }, settings.getDuration("takamul.reply.margin"), nodeAudit.trail());
        camel.addRoutes(providers.routes());
        for (Path folder : settings.getPaths("takamul.mediation.dir")) {
            loadMediationRoutes(folder);
        }

        camel.start();
        checkMediationEndpoints(hosted);
        VertxPlatformHttpServer server = camel.hasService(VertxPlatformHttpServer.class);
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(camel,
                VertxPlatformHttpRouter.getRouterNameFromPort(server.getConfigurationPort()));
        refuseOversizedBodies(router, maxBody, nodeAudit.trail());
        if (tlsMaterial != null) {
            // Only the secure profile reads the peer header, so only it pays for setting it.
            MutualTlsListener.bindPeerIdentity(router);
            tls = MutualTlsListener.start(server.getVertx(), router, settings.get("takamul.http.host"),
                    settings.getInt("takamul.tls.port"), tlsMaterial);
        }
        httpPort = server.getPort();
        AdminAudit admin = audit;
        live = LiveCatalogue.start(settings, catalogue, providers, action -> {
            nodeAudit.record(action);
            admin.record(action);
        });
        LOG.info("Takamul node {} ({}) started: {} services, {} hosted here, REST on {}, SOAP on {}", settings.nodeId(),
                settings.role().name().toLowerCase(), loaded.services().size(), hosted.size(), restBaseUrl(), soapAddress());
        if (settings.get("takamul.http.host").startsWith("127.") && tls == null) {
            LOG.info("Demo profile: plain HTTP on loopback only, no client certificates{}; `demo --secure` for the secure profile.",
                    trust.enabled() ? "" : ", no message signatures");
        }
    }

    /**
     * Vert.x refuses a body over the limit before any route runs, with a plain-text 413. Refuse
     * it first, by its Content-Length, in our own format; a chunked body that grows past the limit
     * fails in Vert.x's body handler, and the failure handler answers in our format too.
     */
    private static void refuseOversizedBodies(VertxPlatformHttpRouter router, long maxBody, AuditTrail audit) {
        String detail = "request body is over the limit of " + maxBody + " bytes";
        Handler<RoutingContext> problem = ctx -> {
            String messageId;
            try {
                messageId = RequestContext.messageIdOrNew(ctx.request().getHeader(XRoadHeaders.ID));
            } catch (RuntimeException e) {
                messageId = RequestContext.messageIdOrNew(null);
            }
            EXCHANGE_LOG.warn("rest id={} client=- service=- error={} detail=\"{}\"", messageId,
                    ErrorCode.BODY_TOO_LARGE.code(), detail);
            String id = messageId;
            String client = ctx.request().getHeader(XRoadHeaders.CLIENT);
            // Answered once the refusal is on record, back on the request's own Vert.x context,
            // which never blocks meanwhile.
            io.vertx.core.Context context = ctx.vertx().getOrCreateContext();
            audit.refusedOutsideRoutes("rest", id, client == null || client.length() > 200 ? null : client.strip(), 413,
                    ErrorCode.BODY_TOO_LARGE.code())
                    .whenComplete((sequence, failure) -> context.runOnContext(v -> tooLarge(ctx, id, detail)));
        };
        router.route().order(Integer.MIN_VALUE)
                .handler(ctx -> {
                    String length = ctx.request().getHeader("Content-Length");
                    if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                            && Long.parseLong(length) > maxBody) {
                        problem.handle(ctx);
                    } else {
                        ctx.next();
                    }
                })
                .failureHandler(ctx -> {
                    if (ctx.statusCode() == 413 && !ctx.response().ended()) {
                        problem.handle(ctx);
                    } else {
                        ctx.next();
                    }
                });
    }

    private static void tooLarge(RoutingContext ctx, String messageId, String detail) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(413)
                .putHeader("Content-Type", "application/problem+json")
                .putHeader(XRoadHeaders.ERROR, ErrorCode.BODY_TOO_LARGE.code())
                .putHeader(XRoadHeaders.ID, messageId)
                .putHeader("Connection", "close")
                .end(new JsonObject().put("type", ErrorCode.BODY_TOO_LARGE.typeUri())
                        .put("title", ErrorCode.BODY_TOO_LARGE.title()).put("status", 413)
                        .put("detail", detail).put("code", ErrorCode.BODY_TOO_LARGE.code())
                        .put("messageId", messageId).encode());
    }

    /** A mediation endpoint named in the catalogue must be a route's input, or start-up fails. */
    private void checkMediationEndpoints(List<ServiceDescription> hosted) {
        Set<String> inputs = new HashSet<>();
        camel.getRoutes().forEach(r -> inputs.add(r.getEndpoint().getEndpointUri()));
        List<String> problems = new ArrayList<>();
        for (ServiceDescription s : hosted) {
            for (String uri : Arrays.asList(s.mediation().request(), s.mediation().response())) {
                if (uri != null && !inputs.contains(camel.getEndpoint(uri).getEndpointUri())) {
                    problems.add(s.source() + ": service " + s.id() + ": mediation endpoint " + uri
                            + " is not the input of any route (see " + settings.get("takamul.mediation.dir") + ")");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
    }

    /** The hub's OCSP responder: its delegated key, and the CA folder whose index it answers from. */
    private OcspResponder ocspResponder() {
        char[] password = secret("takamul.ocsp.password", "TAKAMUL_OCSP_PASSWORD");
        KeyStore keys = Keystores.load(settings.getPath("takamul.ocsp.keystore"), password);
        Path caDir = settings.getPath("takamul.ocsp.ca");
        X509Certificate issuing = Pem.readCertificates(caDir.resolve(InstanceCa.ISSUING_CERTIFICATE)).get(0);
        return new OcspResponder(issuing, Keystores.privateKey(keys, password), Keystores.chain(keys),
                IssuedCertificates.fromIndex(caDir.resolve(InstanceCa.INDEX)), settings.getDuration("takamul.ocsp.next-update"));
    }

    /** With signatures on, the node answers as its providers' members, so it must hold their keys. */
    private void requireSigningKeys(List<ServiceDescription> hosted) {
        if (!trust.enabled()) {
            return;
        }
        Set<String> missing = new java.util.TreeSet<>();
        for (ServiceDescription s : hosted) {
            if (trust.keyOf(s.id().member()) == null) {
                missing.add(s.id().member().toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("takamul.signatures.enabled: this node hosts services of " + missing
                    + " but holds no member-signing key for them (takamul.signing.keystores)");
        }
    }

    /** A keystore password: from the setting if given there, else from the environment. */
    private char[] secret(String setting, String environment) {
        String password = settings.get(setting);
        if (password.isEmpty()) {
            password = System.getenv().getOrDefault(environment, "");
        }
        if (password.isEmpty()) {
            throw new IllegalStateException(setting + " is empty: give the keystore password in " + environment);
        }
        return password.toCharArray();
    }

    private VertxPlatformHttpServer httpServer() {
        VertxPlatformHttpServerConfiguration config = new VertxPlatformHttpServerConfiguration();
        // With mutual TLS on, the plain listener stays on loopback, and the routes refuse every
        // request on it for want of a client certificate.
        boolean tlsOn = settings.getBoolean("takamul.tls.enabled");
        config.setBindHost(tlsOn ? "127.0.0.1" : settings.get("takamul.http.host"));
        config.setBindPort(settings.getInt("takamul.http.port"));
        config.setMaxBodySize(settings.getLong("takamul.limits.max-body-bytes"));
        return new VertxPlatformHttpServer(config);
    }

    private void loadMediationRoutes(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            LOG.info("No mediation folder at {}; no mediation routes loaded", folder.toAbsolutePath());
            return;
        }
        List<Resource> resources;
        try (Stream<Path> files = Files.list(folder)) {
            resources = files.filter(p -> p.toString().endsWith(".yaml")).sorted()
                    .map(p -> ResourceHelper.resolveResource(camel, "file:" + p.toAbsolutePath()))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read mediation folder " + folder + ": " + e.getMessage(), e);
        }
        PluginHelper.getRoutesLoader(camel).loadRoutes(resources);
        LOG.info("Loaded {} mediation route file(s) from {}", resources.size(), folder);
    }

    public String restBaseUrl() {
        return "http://" + settings.get("takamul.http.host") + ":" + httpPort + "/r1";
    }

    public String soapAddress() {
        String scheme = settings.getBoolean("takamul.tls.enabled") ? "https://" : "http://";
        return scheme + settings.get("takamul.http.host") + ":" + settings.getInt("takamul.soap.port")
                + settings.get("takamul.soap.path");
    }

    public CamelContext camel() {
        return camel;
    }

    /** The embedded broker, or null when the node uses an external one. */
    public EmbeddedBroker broker() {
        return broker;
    }

    public CatalogueHolder catalogue() {
        return catalogue;
    }

    /** The node's audit log and its parts. */
    public NodeAudit audit() {
        return nodeAudit;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The REST base URL over mutual TLS, or null when the secure profile is off. */
    public String tlsBaseUrl() {
        return tls == null ? null : "https://" + settings.get("takamul.http.host") + ":" + tls.port() + "/r1";
    }

    @Override
    public void close() throws Exception {
        if (live != null) {
            live.close();
        }
        if (tls != null) {
            tls.close();
        }
        if (camel != null) {
            camel.stop();
        }
        if (trust instanceof AutoCloseable closeable) {
            closeable.close();
        }
        if (nodeAudit != null) {
            nodeAudit.close();
        }
        if (connections != null) {
            connections.destroy();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
