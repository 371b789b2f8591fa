package ps.takamul.routes.soap;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import ps.takamul.routes.audit.AuditTrail;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ps.takamul.core.protocol.ErrorCode;

/**
 * Gives faults that CXF raises on its own (a DOCTYPE, broken XML, a body over the limit) the
 * same stable codes as the faults the routes raise, and logs them: a client sees one error
 * vocabulary whichever layer refused its request.
 */
final class FaultCodeInterceptor extends AbstractSoapInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger("takamul.exchange");

    /** Set on the CXF exchange by the route once it has recorded the refusal itself. */
    static final String AUDITED = "takamul.audited";
    /** CXF's thread waits this long for the record; the fault goes out either way. */
    private static final long AUDIT_WAIT_SECONDS = 5;

    private final AuditTrail audit;

    FaultCodeInterceptor(AuditTrail audit) {
        super(Phase.PRE_STREAM);
        this.audit = audit;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Exception content = message.getContent(Exception.class);
        if (!(content instanceof Fault fault)) {
            return;
        }
        if (fault instanceof SoapFault soap && SoapFaults.isOurs(soap)) {
            if (message.getExchange().get(AUDITED) == null) {
                // made by an interceptor before the route (WS-Security): the route never saw it
                record(soap.getFaultCode().getLocalPart(), SoapFaults.messageIdOf(soap));
            }
            return;
        }
        ErrorCode code = classify(fault);
        String detail = switch (code) {
            case BODY_TOO_LARGE -> fault.getCause().getMessage();
            case FORBIDDEN_XML -> "XML with a DOCTYPE or entity declarations is not accepted";
            case INVALID_BODY -> "the request is not a well-formed SOAP 1.1 envelope (SOAP 1.2 is not offered)";
            default -> "internal error";
        };
        LOG.warn("soap id=- error={} detail=\"{}\"", code.code(), detail);
        record(code.code(), null);
        message.setContent(Exception.class, SoapFaults.of(code, detail, null));
    }

    private void record(String code, String messageId) {
        try {
            audit.refusedOutsideRoutes("soap", messageId, null, 500, code).get(AUDIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("soap id={} refusal not audited in time", messageId == null ? "-" : messageId);
        }
    }

    private static ErrorCode classify(Fault fault) {
        for (Throwable t = fault; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return ErrorCode.BODY_TOO_LARGE;
            }
            String text = String.valueOf(t.getMessage());
            if (text.contains("DTD") || text.contains("DOCTYPE")) {
                return ErrorCode.FORBIDDEN_XML;
            }
        }
        if (fault instanceof SoapFault soap && (soap.getFaultCode().getLocalPart().endsWith("Client")
                || soap.getFaultCode().getLocalPart().equals("VersionMismatch"))) {
            return ErrorCode.INVALID_BODY;
        }
        return fault.getCause() instanceof javax.xml.stream.XMLStreamException
                ? ErrorCode.INVALID_BODY : ErrorCode.INTERNAL_ERROR;
    }
}
