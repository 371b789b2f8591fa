package ps.takamul.node.reload;

/** {@link CatalogueControlMBean} over the node's reloader; a JMX reload is audited with the actor {@code jmx}. */
public final class CatalogueControl implements CatalogueControlMBean {
    private final CatalogueReloader reloader;

    CatalogueControl(CatalogueReloader reloader) {
        this.reloader = reloader;
    }

    @Override
    public String reload() {
        return reloader.reload("jmx");
    }

    @Override
    public String getLoadedAt() {
        return reloader.loadedAt().toString();
    }

    @Override
    public String getDigest() {
        return reloader.digest();
    }

    @Override
    public String getLastRejection() {
        return reloader.lastRejection();
    }
}
