package ps.takamul.routes.exchange;

import java.util.function.Supplier;
import ps.takamul.core.catalogue.Catalogue;

/**
 * The catalogue in force. The ingress routes read it once per message, so a reload swaps it
 * without a restart and a message in flight keeps the (immutable) catalogue it started with. The
 * node's catalogue watcher ({@code ps.takamul.node.reload}) is the one that replaces it.
 */
public final class CatalogueHolder implements Supplier<Catalogue> {
    private volatile Catalogue current;

    public CatalogueHolder(Catalogue initial) {
        this.current = initial;
    }

    @Override
    public Catalogue get() {
        return current;
    }

    /** Puts {@code next} in force for every message read from now on. */
    public void replace(Catalogue next) {
        this.current = next;
    }
}
