package ps.takamul.core.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a node records its administrative actions. Every change to what the node serves or
 * whom it trusts goes through here, so auditors can see when and why the rules changed.
 */
public interface AdminAudit {

    void record(AdminAction action);

    /** Writes each action as a log line on {@code takamul.admin}; the default until a tamper-evident log is configured. */
    AdminAudit LOG = new AdminAudit() {
        private final Logger log = LoggerFactory.getLogger("takamul.admin");

        @Override
        public void record(AdminAction a) {
            log.info("{} actor={} subject={} at={} {}", a.action(), a.actor(), a.subject(), a.at(), a.details());
        }
    };
}
