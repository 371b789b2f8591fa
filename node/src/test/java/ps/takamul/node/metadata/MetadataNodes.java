package ps.takamul.node.metadata;

import java.nio.file.Path;
import java.util.Map;
import ps.takamul.node.TakamulNode;
import ps.takamul.node.support.TestNodes;

/** A node for the metadata tests: the shipped catalogue and agreements, and no provider to call. */
final class MetadataNodes {
    private MetadataNodes() {
    }

    /** Settings a test adds to the usual ones. */
    interface MoreSettings {
        void addTo(Map<String, String> settings) throws Exception;
    }

    static TakamulNode start(Path dir, MoreSettings more) throws Exception {
        // Metadata is answered from the catalogue alone: nothing listens at the providers' addresses.
        String nowhere = "http://127.0.0.1:" + TestNodes.freePort();
        Path catalogue = TestNodes.catalogue(dir);
        Map<String, String> s = TestNodes.settings(dir, catalogue, nowhere, nowhere, nowhere);
        more.addTo(s);
        return TestNodes.start(s);
    }

    /** The HTTP port's root, where listClients and the catalogue page are. */
    static String root(String restBaseUrl) {
        return restBaseUrl.substring(0, restBaseUrl.length() - "/r1".length());
    }
}
