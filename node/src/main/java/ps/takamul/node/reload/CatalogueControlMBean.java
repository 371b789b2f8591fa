package ps.takamul.node.reload;

/**
 * The operator's handle on the catalogue over JMX ({@code ps.takamul:type=Catalogue,node=<node id>}):
 * reload it now, and see what is in force. Works with the file watcher off.
 */
public interface CatalogueControlMBean {

    /** Reloads the catalogue and says what changed, or why the change was rejected. */
    String reload();

    /** When the catalogue in force was loaded (ISO-8601, UTC). */
    String getLoadedAt();

    /** SHA-256 over the names and digests of the files in force: equal on nodes with the same files. */
    String getDigest();

    /** The problems of the last rejected change, or empty when the last attempt was accepted. */
    String getLastRejection();
}
