package ps.takamul.core.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One administrative action on a node: a catalogue reload, a rejected change, a key added. It
 * names who did it and to what, never personal data.
 *
 * @param actor   who acted: an operator's name, or {@code node} for what the node did by itself
 * @param action  what was done, dotted lower case: {@code catalogue.reloaded}, {@code catalogue.rejected}
 * @param subject what it was done to: a folder, a service id, a key id
 * @param details anything an auditor needs to see what changed (file digests, problems found)
 */
public record AdminAction(Instant at, String actor, String action, String subject, Map<String, String> details) {
    public AdminAction {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        details = Map.copyOf(details);
    }
}
