package ps.takamul.node.tls;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.ext.web.Router;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ps.takamul.routes.rest.ClientCertificates;
import ps.takamul.security.pki.Keystores;
import ps.takamul.security.pki.MemberBinding;
import ps.takamul.security.pki.Pem;

/**
 * The REST listener of the secure profile: TLS 1.3 (1.2 allowed) with a client certificate
 * required, serving the same routes as the plain listener. Camel's Vert.x HTTP server applies key
 * and trust material but never asks for a client certificate, so this listener is a Vert.x server
 * of its own, on the same router.
 */
public final class MutualTlsListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MutualTlsListener.class);

    private final HttpServer server;

    private MutualTlsListener(HttpServer server) {
        this.server = server;
    }

    /**
     * @param keystore PKCS#12 with the node's TLS key and its chain
     * @param trust    the CA certificates that issue client certificates
     */
    public static MutualTlsListener start(Vertx vertx, Router router, String host, int port,
                                          KeyStore keystore, char[] password, List<X509Certificate> trust) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keystore, password);
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        for (int i = 0; i < trust.size(); i++) {
            anchors.setCertificateEntry("ca-" + i, trust.get(i));
        }
        TrustManagerFactory trusted = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trusted.init(anchors);
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host).setPort(port)
                .setSsl(true)
                .setClientAuth(ClientAuth.REQUIRED)
                .setEnabledSecureTransportProtocols(Set.of("TLSv1.3", "TLSv1.2"))
                .setKeyCertOptions(KeyCertOptions.wrap((X509KeyManager) keys.getKeyManagers()[0]))
                .setTrustOptions(TrustOptions.wrap(trusted.getTrustManagers()[0]));
        HttpServer server = vertx.createHttpServer(options).requestHandler(router)
                .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        LOG.info("REST over mutual TLS on https://{}:{}/r1 (client certificates required)", host, server.actualPort());
        return new MutualTlsListener(server);
    }

    public static MutualTlsListener start(Vertx vertx, Router router, String host, int port,
                                          java.nio.file.Path keystore, char[] password, java.nio.file.Path trust) throws Exception {
        return start(vertx, router, host, port, Keystores.load(keystore, password), password, Pem.readCertificates(trust));
    }

    /**
     * Passes the verified peer certificate's subsystem to the routes in
     * {@link ClientCertificates#PEER_HEADER}, and strips that header from every request first, so
     * no client can name itself: on the plain listener it never survives.
     */
    public static void bindPeerIdentity(Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            ctx.request().headers().remove(ClientCertificates.PEER_HEADER);
            if (ctx.request().isSSL()) {
                try {
                    X509Certificate peer = (X509Certificate) ctx.request().connection().sslSession().getPeerCertificates()[0];
                    ctx.request().headers().set(ClientCertificates.PEER_HEADER, MemberBinding.subsystemOf(peer).toString());
                } catch (SSLPeerUnverifiedException | RuntimeException e) {
                    // No certificate, or one without a subsystem binding: the route refuses the call.
                    LOG.debug("peer certificate without a subsystem binding: {}", e.getMessage());
                }
            }
            ctx.next();
        });
    }

    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
