package ps.takamul.connector;

import org.apache.camel.Processor;

/**
 * A way to reach a provider's system: one implementation per kind of legacy system (REST, SOAP,
 * database, file drop, broker). Implementations are found with {@link java.util.ServiceLoader}:
 * list the class in {@code META-INF/services/ps.takamul.connector.Connector}.
 *
 * <h2>The exchange contract</h2>
 * The processor returned by {@link #create} receives the request as the message body
 * ({@code byte[]}: the JSON or other REST body, or the SOAP body's payload element) with the
 * headers of {@link ps.takamul.core.protocol.MessageHeaders} (method, path, query, content type,
 * client, service, message id). It leaves the provider's answer as the body, sets
 * {@code MessageHeaders.STATUS} (an HTTP status; 200 where the protocol has none) and
 * {@code MessageHeaders.CONTENT_TYPE}. It reports failures by throwing
 * {@link ps.takamul.core.protocol.TakamulException} with {@code PROVIDER_UNAVAILABLE},
 * {@code PROVIDER_TIMEOUT} or {@code PROVIDER_FAULT}; anything else is an internal error.
 */
public interface Connector {

    /** The name used in the catalogue's {@code connector.type}, e.g. {@code http}. */
    String type();

    /** One line for the connector list in the docs and at start-up. */
    String description();

    /** The settings this connector takes; it validates and documents them. */
    ConfigDef configDef();

    /** Builds the processor that calls one service's provider. Called once per service at start. */
    Processor create(ConnectorContext context) throws Exception;
}
