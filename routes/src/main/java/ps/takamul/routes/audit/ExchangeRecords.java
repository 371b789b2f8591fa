package ps.takamul.routes.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import ps.takamul.security.httpsig.ContentDigest;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.core.catalogue.BodyLogging;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.protocol.XRoadHeaders;
import ps.takamul.routes.agreement.AgreementDecision;
import ps.takamul.routes.exchange.ExchangeLog;
import ps.takamul.routes.exchange.ExchangeProperties;
import ps.takamul.routes.exchange.RequestContext;
import ps.takamul.routes.trust.SignatureEvidence;

/**
 * Builds the audit record of one exchange from what the ingress left on it. A refusal may come
 * before the node knew the service or the client: the record then has what was known.
 */
final class ExchangeRecords {
    static final String DATA_SUBJECT = "takamul.audit.dataSubject";
    private static final Map<String, String> INGRESS = Map.of("hop", "ingress");
    private static final String SIGNATURE_INPUT = "Signature-Input";
    private static final String SIGNATURE = "Signature";
    private static final String SIGNER_CERTIFICATE = "Takamul-Signer-Certificate";

    private ExchangeRecords() {
    }

    /**
     * @param status    the status answered (SOAP: 200, or 500 for a fault)
     * @param errorCode the error code answered, or null
     * @param policy    what to keep of the bodies; for a refusal before the service was known, METADATA
     */
    static AuditRecord of(Exchange exchange, String origin, Instant answered, int status, String errorCode,
                          BodyLogging policy) {
        RequestContext request = RequestContext.of(exchange);
        Map<String, Object> headers = requestHeaders(exchange);
        String messageId = exchange.getProperty(ExchangeProperties.MESSAGE_ID, String.class);
        AgreementDecision decision = AgreementDecision.of(exchange);
        byte[] requestBody = exchange.getProperty(ExchangeProperties.REQUEST_BODY, byte[].class);
        byte[] responseBody = exchange.getProperty(ExchangeProperties.RESPONSE_BODY, byte[].class);
        boolean bodies = policy != BodyLogging.NONE;
        return new AuditRecord(AuditRecord.Kind.EXCHANGE, answered, origin, messageId, messageId,
                request != null ? request.client().toString() : exchange.getProperty(ExchangeLog.CLIENT, String.class),
                request != null ? request.service().id().toString() : exchange.getProperty(ExchangeLog.SERVICE, String.class),
                request != null ? request.userId() : header(headers, XRoadHeaders.USER_ID),
                request != null ? request.purpose() : header(headers, XRoadHeaders.PURPOSE),
                request != null ? request.issue() : header(headers, XRoadHeaders.ISSUE),
                exchange.getProperty(DATA_SUBJECT, String.class),
                exchange.getProperty(ExchangeProperties.RECEIVED_AT, Instant.class),
                exchange.getProperty(ExchangeProperties.FORWARDED_AT, Instant.class),
                answered,
                bodies && requestBody != null ? requestBody.length : 0,
                bodies && responseBody != null ? responseBody.length : 0,
                status, errorCode,
                bodies ? digest(requestBody) : null,
                bodies ? digest(responseBody) : null,
                decision == null ? null : decision.agreement().id(),
                decision == null ? null : decision.removedFields(),
                evidence(exchange), INGRESS);
    }

    /**
     * A later hop of a notification: its delivery to the provider. It shares the message id with
     * the ingress record (202 accepted), so the message's story reads: accepted, attempt 1
     * failed, attempt 2 delivered.
     */
    static AuditRecord delivery(Exchange exchange, String origin, ServiceId service, Instant at, int status,
                                String errorCode, int attempt) {
        String messageId = exchange.getProperty(ExchangeProperties.MESSAGE_ID, String.class);
        return new AuditRecord(AuditRecord.Kind.EXCHANGE, at, origin, messageId, messageId,
                exchange.getProperty(ExchangeLog.CLIENT, String.class), service.toString(), null, null, null, null,
                null, exchange.getProperty(ExchangeProperties.FORWARDED_AT, Instant.class), at, 0, 0, status,
                errorCode, null, null, null, null, null,
                Map.of("hop", "delivery", "attempt", Integer.toString(attempt)));
    }

    /** RFC 9530's form, as in Content-Digest: {@code sha-256=:BASE64:}; null for no body. */
    static String digest(byte[] body) {
        return body == null ? null : ContentDigest.of(body);
    }

    /**
     * The signature material of the request (as verified on the way in) and of the REST answer
     * (as the node signed it): what lets a court check who said what without trusting the node.
     */
    private static Map<String, String> evidence(Exchange exchange) {
        Map<String, String> evidence = new HashMap<>();
        SignatureEvidence request = SignatureEvidence.of(exchange);
        if (request instanceof SignatureEvidence.Rest rest) {
            putIfPresent(evidence, "request.signatureInput", rest.signatureInput());
            putIfPresent(evidence, "request.signature", rest.signature());
            putIfPresent(evidence, "request.certificate", rest.certificate());
            putIfPresent(evidence, "request.contentDigest", rest.contentDigest());
            if (rest.signatureBase() != null) {
                evidence.put("request.signatureBase", new String(rest.signatureBase(), StandardCharsets.UTF_8));
            }
        } else if (request instanceof SignatureEvidence.Soap soap) {
            evidence.put("request.signedEnvelope", Base64.getEncoder().encodeToString(soap.signedEnvelope()));
        }
        if (request != null && request.signedByNode()) {
            evidence.put("request.signedByNode", "true");
        }
        Message answer = exchange.getMessage();
        putIfPresent(evidence, "response.signatureInput", answer.getHeader(SIGNATURE_INPUT, String.class));
        putIfPresent(evidence, "response.signature", answer.getHeader(SIGNATURE, String.class));
        putIfPresent(evidence, "response.certificate", answer.getHeader(SIGNER_CERTIFICATE, String.class));
        byte[] responseBase = exchange.getProperty(SignatureEvidence.RESPONSE_BASE, byte[].class);
        if (responseBase != null) {
            evidence.put("response.signatureBase", new String(responseBase, StandardCharsets.UTF_8));
        }
        return evidence;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> requestHeaders(Exchange exchange) {
        return exchange.getProperty(ExchangeProperties.REQUEST_HEADERS, Map.class);
    }

    private static String header(Map<String, Object> headers, String name) {
        if (headers == null) {
            return null;
        }
        Object value = headers.get(name); // a CaseInsensitiveMap, as AuditTrail.received() keeps it
        return value == null ? null : value.toString();
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }
}
