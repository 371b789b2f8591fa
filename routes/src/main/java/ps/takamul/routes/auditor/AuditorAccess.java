package ps.takamul.routes.auditor;

import java.util.Optional;
import java.util.function.Function;
import ps.takamul.audit.AuditLog;
import ps.takamul.audit.bundle.Exporter;

/**
 * What the auditor interfaces need from the node: its audit log, the bundles it exports, its
 * name in checkpoints, and who may read.
 */
public interface AuditorAccess {

    AuditLog log();

    /** Writes the export and evidence bundles. */
    Exporter exporter();

    /** The node's id as its checkpoints name it ({@code origin} of the checkpoint note). */
    String origin();

    /**
     * The auditor whose HTTP Basic credentials these are ({@code Authorization} header as sent,
     * possibly null), or empty when there are none or they are wrong. The routes log and record
     * refusals (by name only); an implementation need not.
     */
    Optional<Auditor> authenticate(String basicAuthorizationHeader);

    /** An access made of its parts, for a node that keeps them apart (and for tests). */
    static AuditorAccess of(AuditLog log, Exporter exporter, String origin, Function<String, Optional<Auditor>> authentication) {
        record Parts(AuditLog log, Exporter exporter, String origin, Function<String, Optional<Auditor>> authentication)
                implements AuditorAccess {
            @Override
            public Optional<Auditor> authenticate(String basicAuthorizationHeader) {
                return authentication.apply(basicAuthorizationHeader);
            }
        }
        return new Parts(log, exporter, origin, authentication);
    }
}
