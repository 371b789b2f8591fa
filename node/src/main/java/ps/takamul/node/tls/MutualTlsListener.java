package ps.takamul.node.tls;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.ext.web.Router;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.X509KeyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ps.takamul.routes.rest.ClientCertificates;
import ps.takamul.security.pki.MemberBinding;

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

    public static MutualTlsListener start(Vertx vertx, Router router, String host, int port, TlsMaterial tls)
            throws Exception {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host).setPort(port)
                .setSsl(true)
                .setClientAuth(ClientAuth.REQUIRED)
                .setEnabledSecureTransportProtocols(Set.of("TLSv1.3", "TLSv1.2"))
                .setKeyCertOptions(KeyCertOptions.wrap((X509KeyManager) tls.keys().getKeyManagers()[0]))
                .setTrustOptions(TrustOptions.wrap(tls.trust().getTrustManagers()[0]));
        HttpServer server = vertx.createHttpServer(options).requestHandler(router)
                .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        LOG.info("REST over mutual TLS on https://{}:{}/r1 (client certificates required)", host, server.actualPort());
        return new MutualTlsListener(server);
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
