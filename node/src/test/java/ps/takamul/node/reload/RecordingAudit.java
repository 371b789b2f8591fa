package ps.takamul.node.reload;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import ps.takamul.core.audit.AdminAction;
import ps.takamul.core.audit.AdminAudit;

/** Keeps what the node records, so a test can wait for the record of the change it made. */
final class RecordingAudit implements AdminAudit {
    private final List<AdminAction> actions = new CopyOnWriteArrayList<>();

    @Override
    public void record(AdminAction action) {
        actions.add(action);
    }

    /** Where the next record will be; pass it to {@link #awaitAfter}. */
    int mark() {
        return actions.size();
    }

    /** The first record from {@code mark} on that is the given action and matches. */
    AdminAction awaitAfter(int mark, String action, Predicate<AdminAction> matching) {
        Predicate<AdminAction> wanted = a -> a.action().equals(action) && matching.test(a);
        try {
            Await.until(action + " recorded", Duration.ofSeconds(20),
                    () -> actions.subList(mark, actions.size()).stream().anyMatch(wanted));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; recorded instead: " + actions.subList(mark, actions.size()), e);
        }
        return actions.subList(mark, actions.size()).stream().filter(wanted).findFirst().orElseThrow();
    }

    List<AdminAction> all() {
        return List.copyOf(actions);
    }
}
