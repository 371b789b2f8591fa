package ps.takamul.routes.auditor;

import ps.takamul.routes.page.Language;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.store.AuditUnavailableException;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;

/**
 * The one way into an auditor endpoint: GET only, HTTP Basic authentication, the role's
 * permission, then the answer, held back until a LOG_READ record of the request is durable in the
 * log it reads. Reading is audited like any exchange: a log that cannot record a read serves none
 * (503 Server.AuditUnavailable).
 *
 * <p>Refused credentials leave a LOG_READ record with status 401 under the name tried, and a
 * refused role one with 403; a request without credentials (a browser's first try) leaves none.
 * Operator log lines name the user and the endpoint's template, never a parameter: a national ID
 * may be one.
 */
final class AuditedRead implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger("takamul.audit.access");
    private static final long DURABLE_WAIT_SECONDS = 10;
    static final String REALM = "Basic realm=\"Takamul audit\", charset=\"UTF-8\"";

    /** What an endpoint answers an authorised request with. */
    @FunctionalInterface
    interface Handler {
        Answer answer(AuditorRequest request) throws IOException;
    }

    /** How refusals are written: problem documents for the API, pages for people. */
    enum Form { API, PAGE }

    private final String template;
    private final Set<String> pathParameters;
    private final Set<String> queryParameters;
    private final Set<AuditorRole> roles;
    private final Form form;
    private final Handler handler;
    private final AuditorAccess access;

    AuditedRead(String template, Set<String> queryParameters, Set<AuditorRole> roles, Form form, Handler handler,
                AuditorAccess access) {
        this.template = template;
        this.pathParameters = pathParameters(template);
        this.queryParameters = queryParameters;
        this.roles = roles;
        this.form = form;
        this.handler = handler;
        this.access = access;
    }

    String template() {
        return template;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        Instant received = access.log().clock().instant();
        Language language = Language.ofQuery(in.getHeader(Exchange.HTTP_QUERY, String.class));
        Answer answer;
        try {
            answer = answer(in, received, language);
        } catch (Refusal refusal) {
            answer = refused(refusal, language);
        }
        send(exchange.getMessage(), answer);
    }

    private Answer answer(Message in, Instant received, Language language) {
        if (!"GET".equals(in.getHeader(Exchange.HTTP_METHOD, String.class))) {
            throw Refusal.of(ErrorCode.METHOD_NOT_ALLOWED, template + " is read with GET only");
        }
        String authorization = in.getHeader("Authorization", String.class);
        Optional<Auditor> auditor = access.authenticate(authorization);
        if (auditor.isEmpty()) {
            BasicCredentials.parse(authorization).ifPresent(tried -> {
                LOG.warn("audit access refused: unknown user or wrong password for '{}' at {}", tried.printableName(), template);
                recordQuietly(read("auditor:" + tried.printableName(), received, Map.of(),
                        ErrorCode.UNAUTHENTICATED.httpStatus(), ErrorCode.UNAUTHENTICATED.code(), 0));
            });
            throw Refusal.of(ErrorCode.UNAUTHENTICATED, "give an auditor's user name and password (HTTP Basic)");
        }
        Auditor who = auditor.get();
        if (!roles.contains(who.role())) {
            LOG.warn("audit access refused: '{}' ({}) may not read {}", who.name(), who.role().token(), template);
            record(read(who.client(), received, Map.of(), ErrorCode.ROLE_FORBIDDEN.httpStatus(), ErrorCode.ROLE_FORBIDDEN.code(), 0));
            throw Refusal.of(ErrorCode.ROLE_FORBIDDEN, "the " + who.role().token() + " role may not read " + template);
        }
        if (!access.log().available()) {
            throw Refusal.of(ErrorCode.AUDIT_UNAVAILABLE, "the audit log cannot record this reading now; try again shortly");
        }
        QueryParameters query = QueryParameters.parse(in.getHeader(Exchange.HTTP_QUERY, String.class), queryParameters);
        Map<String, String> details = new LinkedHashMap<>(query.all());
        Map<String, String> path = new LinkedHashMap<>();
        for (String name : pathParameters) {
            Object value = in.getHeader(name);
            if (!(value instanceof String s)) {
                throw Refusal.badRequest("path parameter " + name + " is ambiguous");
            }
            path.put(name, s);
            details.put(name, s);
        }
        Answer answer;
        try {
            answer = handler.answer(new AuditorRequest(who, path, query, language));
        } catch (Refusal refusal) {
            answer = refused(refusal, language);
            record(read(who.client(), received, details, refusal.status, refusal.code, 0));
            return answer;
        } catch (IOException | RuntimeException e) {
            if (unavailable(e)) {
                LOG.error("audit read of {} by '{}' failed: the log's database is unavailable", template, who.name());
                throw Refusal.of(ErrorCode.AUDIT_UNAVAILABLE, "the audit log's database is unavailable; try again shortly", e);
            }
            LOG.error("audit read of {} by '{}' failed", template, who.name(), e);
            throw Refusal.of(ErrorCode.INTERNAL_ERROR, "internal error");
        }
        try {
            record(read(who.client(), received, details, answer.status(), null, answer.size()));
        } catch (Refusal refusal) {
            answer.discard();
            throw refusal;
        }
        LOG.info("audit read {} by '{}' status={}", template, who.name(), answer.status());
        return answer;
    }

    private static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuditUnavailableException) {
                return true;
            }
        }
        return false;
    }

    private AuditRecord read(String client, Instant received, Map<String, String> details, int status, String errorCode,
                             long responseBytes) {
        Instant now = access.log().clock().instant();
        return new AuditRecord(AuditRecord.Kind.LOG_READ, now, access.origin(), null, null, client, template,
                null, null, null, null, received, null, now, 0, responseBytes, status, errorCode, null, null, null,
                null, null, details);
    }

    /** Appends and waits until durable; a log that cannot take it refuses the read. */
    private void record(AuditRecord read) {
        try {
            access.log().append(read).get(DURABLE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Refusal.of(ErrorCode.AUDIT_UNAVAILABLE, "interrupted while recording the reading", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.error("audit read of {} not recorded, so not answered: {}", template, e.toString());
            throw Refusal.of(ErrorCode.AUDIT_UNAVAILABLE, "the audit log cannot record this reading now; try again shortly", e);
        }
    }

    /** Records a refused authentication when the log can; the refusal is answered either way. */
    private void recordQuietly(AuditRecord read) {
        try {
            record(read);
        } catch (Refusal e) {
            LOG.warn("refused audit access not recorded: the audit log is unavailable");
        }
    }

    private Answer refused(Refusal refusal, Language language) {
        Answer answer = form == Form.API ? AuditJson.problem(refusal) : AuditPages.refused(refusal, language);
        if (refusal.status == 401) {
            answer.header("WWW-Authenticate", REALM);
        } else if (refusal.status == 405) {
            answer.header("Allow", "GET");
        }
        return answer;
    }

    private static void send(Message message, Answer answer) {
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        message.setHeader(Exchange.CONTENT_TYPE, answer.contentType());
        // What an auditor reads is personal data: no cache keeps it, no link's Referer carries a query on.
        message.setHeader("Cache-Control", "no-store");
        message.setHeader("Referrer-Policy", "no-referrer");
        message.setHeader("X-Content-Type-Options", "nosniff");
        answer.headers().forEach(message::setHeader);
        message.setBody(answer.bytes() != null ? answer.bytes() : deletedOnClose(answer.file()));
    }

    private static InputStream deletedOnClose(Path file) {
        try {
            return new java.io.FilterInputStream(Files.newInputStream(file)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        Files.deleteIfExists(file);
                    }
                }
            };
        } catch (IOException e) {
            throw new TakamulException(ErrorCode.INTERNAL_ERROR, "the bundle vanished before it was sent", e);
        }
    }

    private static Set<String> pathParameters(String template) {
        Set<String> names = new java.util.LinkedHashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
