package ps.takamul.routes.exchange;

import java.util.function.Supplier;
import ps.takamul.core.catalogue.Catalogue;

/**
 * The catalogue in force. The ingress routes read it per message, so that a reload can swap it
 * without a restart; reloading itself (and rebuilding provider routes) is not built yet.
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

    public void replace(Catalogue next) {
        this.current = next;
    }
}
