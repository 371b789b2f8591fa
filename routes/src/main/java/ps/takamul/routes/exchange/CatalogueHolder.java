package ps.takamul.routes.exchange;

import java.util.function.Supplier;
import ps.takamul.core.catalogue.Catalogue;

/** The catalogue in force. Routes read it per message, so a reload swaps it without a restart. */
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
