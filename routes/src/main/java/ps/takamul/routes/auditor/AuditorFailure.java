package ps.takamul.routes.auditor;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ps.takamul.core.protocol.ErrorCode;

/**
 * What is left when an auditor request fails outside its own handling (an answer that could not
 * be handed over): a 500 problem document. The log line names the exception, never the request's
 * path, which may hold a national ID.
 */
final class AuditorFailure implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger("takamul.audit.access");

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.error("audit request failed: {}", failure == null ? "unknown" : failure.toString());
        Answer problem = AuditJson.problem(Refusal.of(ErrorCode.INTERNAL_ERROR, "internal error"));
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        message.setHeader(Exchange.CONTENT_TYPE, problem.contentType());
        message.setBody(problem.bytes());
    }
}
