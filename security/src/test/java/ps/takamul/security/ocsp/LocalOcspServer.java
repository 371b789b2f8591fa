package ps.takamul.security.ocsp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on an ephemeral loopback port serving an {@link OcspResponder} at
 * {@code POST /ocsp}, counting the requests it answers. The port exists before the responder,
 * so the CA can write the URL into its certificates first.
 */
public final class LocalOcspServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile OcspResponder responder;

    private LocalOcspServer(HttpServer server) {
        this.server = server;
    }

    public static LocalOcspServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LocalOcspServer local = new LocalOcspServer(server);
        server.createContext("/ocsp", local::handle);
        server.start();
        return local;
    }

    public LocalOcspServer serve(OcspResponder responder) {
        this.responder = responder;
        return this;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ocsp");
    }

    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        byte[] request;
        try (InputStream in = exchange.getRequestBody()) {
            request = in.readAllBytes();
        }
        if (!"POST".equals(exchange.getRequestMethod()) || responder == null) {
            exchange.sendResponseHeaders(405, -1);
            exchange.close();
            return;
        }
        byte[] response = responder.respond(request);
        exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
        exchange.sendResponseHeaders(200, response.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
