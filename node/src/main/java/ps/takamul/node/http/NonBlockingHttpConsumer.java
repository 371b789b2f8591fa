package ps.takamul.node.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.impl.ContextInternal;
import io.vertx.ext.web.RoutingContext;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConsumer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpSupport;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * A {@code platform-http} consumer that lends a Vert.x worker thread to an exchange only until
 * the route first waits, instead of until its answer is written.
 *
 * <p>Why: Camel's consumer runs the route with the blocking {@code process(exchange)} on a worker
 * thread, and that thread waits while the exchange waits: for the provider's reply over the
 * queue, for its audit record to reach the disk. The worker pool (20 threads) then bounds the
 * exchanges in flight: twenty calls to a provider that answers slowly stall every other REST
 * client, and each answer costs one more thread hand-over (the thread that completes the
 * exchange wakes the waiting worker, which wakes the event loop). Here the route runs through its asynchronous processor: steps that block (a connector
 * reading a database, say) still run on the worker, and once a step completes later (the JMS
 * reply, the audit sync) the worker is free and the route goes on where that step completed. The
 * answer is written on the request's own Vert.x context, as Camel's consumer writes it.
 *
 * <p>What bounds the exchanges in flight instead: the clients' connections (one request at a
 * time each, over HTTP/1.1) and each service's reply timeout.
 */
final class NonBlockingHttpConsumer extends VertxPlatformHttpConsumer {
    /**
     * Camel's own response writer (headers, status, every body type), which is package-private:
     * reached once through a method handle rather than copied, so answers are written exactly as
     * Camel's consumer writes them.
     */
    private static final MethodHandle WRITE_RESPONSE = writeResponse();

    NonBlockingHttpConsumer(PlatformHttpEndpoint endpoint, Processor processor,
                            List<Handler<RoutingContext>> handlers, String routerName) {
        super(endpoint, processor, handlers, routerName);
    }

    @Override
    protected void handleRequest(RoutingContext ctx) {
        if (isSuspended()) {
            ctx.response().setStatusCode(503);
            ctx.end();
            return;
        }
        Exchange exchange = createExchange(false);
        exchange.setPattern(ExchangePattern.InOut);
        Context context = ctx.vertx().getOrCreateContext();
        processHttpRequest(exchange, ctx).onComplete(read -> {
            if (read.failed()) {
                fail(exchange, ctx, read.cause());
                return;
            }
            startOnWorker(exchange, ctx, (ContextInternal) context);
        });
    }

    /**
     * Runs the route on a worker thread from the context's pool, as {@code executeBlocking} would,
     * but without its future: that future's completion is handed back to the event loop, one more
     * wake-up of it per request for a result nobody needs (the answer comes through the route's
     * callback). Only a failure to start the route goes back to the event loop. The worker pool
     * and {@code dispatch} are Vert.x's internal context API ({@code ContextInternal}, what
     * {@code executeBlocking} itself runs on): check this method on a Vert.x upgrade.
     */
    private void startOnWorker(Exchange exchange, RoutingContext ctx, ContextInternal context) {
        Runnable route = () -> context.dispatch(() -> {
            try {
                createUoW(exchange);
                getAsyncProcessor().process(exchange, doneSync -> context.runOnContext(v -> respond(exchange, ctx)));
            } catch (Throwable e) {
                context.runOnContext(v -> fail(exchange, ctx, e));
            }
        });
        try {
            context.workerPool().executor().execute(route);
        } catch (RejectedExecutionException e) { // the pool is shut down: Vert.x is closing
            fail(exchange, ctx, e);
        }
    }

    private void respond(Exchange exchange, RoutingContext ctx) {
        PlatformHttpEndpoint endpoint = getEndpoint();
        Future<Void> written;
        try {
            written = (Future<Void>) WRITE_RESPONSE.invokeExact(ctx, exchange, endpoint.getHeaderFilterStrategy(),
                    endpoint.isMuteException());
        } catch (Throwable e) {
            fail(exchange, ctx, e);
            return;
        }
        written.onComplete(w -> {
            if (w.succeeded()) {
                complete(exchange);
            } else {
                fail(exchange, ctx, w.cause());
            }
        });
    }

    /** As Camel's consumer: the failure goes to the consumer's exception handler and Vert.x answers 500. */
    private void fail(Exchange exchange, RoutingContext ctx, Throwable failure) {
        getExceptionHandler().handleException("Failed handling platform-http endpoint " + getEndpoint().getPath(), failure);
        ctx.fail(failure);
        if (getEndpoint().isHandleWriteResponseError() && failure != null) {
            Exception existing = exchange.getException();
            if (existing != null) {
                failure.addSuppressed(existing);
            }
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
            exchange.setException(failure);
        }
        complete(exchange);
    }

    private void complete(Exchange exchange) {
        doneUoW(exchange);
        releaseExchange(exchange, false);
    }

    private static MethodHandle writeResponse() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(VertxPlatformHttpSupport.class, MethodHandles.lookup());
            return lookup.findStatic(VertxPlatformHttpSupport.class, "writeResponse", MethodType.methodType(Future.class,
                    RoutingContext.class, Exchange.class, HeaderFilterStrategy.class, boolean.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("Camel's platform-http-vertx no longer has writeResponse as this "
                    + "version expects (" + e.getMessage() + "): check NonBlockingHttpConsumer against the Camel upgrade");
        }
    }
}
