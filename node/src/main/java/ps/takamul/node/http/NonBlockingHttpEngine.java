package ps.takamul.node.http;

import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.Registry;

/**
 * Camel's Vert.x engine for {@code platform-http}, with consumers that do not hold a worker thread
 * while an exchange waits ({@link NonBlockingHttpConsumer}). Everything else (server, router,
 * body handling, response writing) is Camel's.
 */
public final class NonBlockingHttpEngine extends VertxPlatformHttpEngine {

    /** Makes every {@code platform-http} endpoint of the context use this engine: bind before the routes start. */
    public static void bindTo(Registry registry) {
        registry.bind(PlatformHttpConstants.PLATFORM_HTTP_ENGINE_NAME, PlatformHttpEngine.class, new NonBlockingHttpEngine());
    }

    @Override
    public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
        return new NonBlockingHttpConsumer(endpoint, processor, getHandlers(),
                VertxPlatformHttpRouter.getRouterNameFromPort(getServerPort()));
    }
}
