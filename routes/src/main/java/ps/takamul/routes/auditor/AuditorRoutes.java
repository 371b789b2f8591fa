package ps.takamul.routes.auditor;

import java.util.Set;
import java.util.function.Supplier;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import ps.takamul.audit.AuditLog;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.routes.auditor.AuditedRead.Form;

/**
 * The auditors' interfaces on the node's HTTP port: the JSON API under {@code /audit/api} and the
 * pages under {@code /audit}, Arabic and right to left by default, {@code ?lang=en} for English.
 * Every request is read-only, authenticated with HTTP Basic, allowed by role, and leaves a
 * LOG_READ record in the log it reads before it is answered (docs/audit-api.md).
 */
public final class AuditorRoutes extends RouteBuilder {
    public static final String ROUTE_ID_PREFIX = "takamul-auditor-";
    static final String PAGE = "/audit";
    static final String API = "/audit/api";
    static final String RECORD_PAGE_PREFIX = "/audit/records/";
    static final String REPORT_PAGE = "/audit/report";
    private static final Set<AuditorRole> AUDITORS = Set.of(AuditorRole.AUDITOR);
    private static final Set<AuditorRole> ANYONE = Set.of(AuditorRole.AUDITOR, AuditorRole.DATA_PROTECTION);

    private final AuditorAccess access;
    private final Supplier<Catalogue> catalogue;

    public AuditorRoutes(AuditorAccess access, Supplier<Catalogue> catalogue) {
        this.access = access;
        this.catalogue = catalogue;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .process(new AuditorFailure());
        AuditApi api = new AuditApi(access, catalogue);
        Bundles bundles = new Bundles(access);
        Supplier<AuditLog> log = access::log;
        endpoint(API + "/records", RecordFilters.API, AUDITORS, Form.API, api::records);
        endpoint(API + "/records/{seq}", Set.of(), AUDITORS, Form.API, api::record);
        endpoint(API + "/messages/{messageId}", Set.of(), AUDITORS, Form.API, api::story);
        endpoint(API + "/messages/{messageId}/evidence", Set.of(), AUDITORS, Form.API, bundles::evidence);
        endpoint(API + "/checkpoints", Set.of(), AUDITORS, Form.API, api::checkpoints);
        endpoint(API + "/consistency", Set.of("first", "second"), AUDITORS, Form.API, api::consistency);
        endpoint(API + "/export", Set.of("from", "to"), AUDITORS, Form.API, bundles::export);
        endpoint(API + "/data-subjects/{nationalId}/report", Set.of("after"), ANYONE, Form.API, api::report);
        endpoint(PAGE, RecordFilters.PAGE, AUDITORS, Form.PAGE, new SearchPage(log, catalogue)::answer);
        endpoint(RECORD_PAGE_PREFIX + "{seq}", Set.of("lang"), AUDITORS, Form.PAGE, new RecordPage(log, catalogue)::answer);
        endpoint(REPORT_PAGE, Set.of("nationalId", "after", "lang"), ANYONE, Form.PAGE, new ReportPage(log, catalogue)::answer);
    }

    private void endpoint(String template, Set<String> query, Set<AuditorRole> roles, Form form, AuditedRead.Handler handler) {
        PlatformHttpEndpoint endpoint = getContext().getEndpoint("platform-http:" + template, PlatformHttpEndpoint.class);
        endpoint.setHeaderFilterStrategy(new AuditorHeaders());
        from(endpoint)
                .routeId(ROUTE_ID_PREFIX + template.substring(1).replaceAll("[/{}]+", "-").replaceAll("-$", ""))
                .process(new AuditedRead(template, query, roles, form, handler, access));
    }
}
