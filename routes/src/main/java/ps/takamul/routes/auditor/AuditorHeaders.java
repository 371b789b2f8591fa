package ps.takamul.routes.auditor;

import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * Camel's HTTP header filter, but letting {@code Cache-Control} out: what an auditor reads is
 * personal data, and its answers say {@code no-store} so that no browser or proxy cache keeps them.
 */
final class AuditorHeaders extends HttpHeaderFilterStrategy {
    AuditorHeaders() {
        getOutFilter().remove("cache-control");
    }
}
