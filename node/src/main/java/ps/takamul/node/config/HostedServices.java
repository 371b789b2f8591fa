package ps.takamul.node.config;

import java.util.List;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.ServiceDescription;
import ps.takamul.core.identifier.IdentifierException;
import ps.takamul.core.identifier.MemberId;

/**
 * Which services' provider routes this node runs: the seam between the two roles. A hub hosts
 * every service in its catalogue (the single-node demo hosts every ministry); a gateway hosts
 * only its own member's, the legacy systems it stands in front of. Requests for the others wait
 * on their queues for the node that hosts them.
 */
public final class HostedServices {
    private HostedServices() {
    }

    public static List<ServiceDescription> select(NodeSettings settings, Catalogue catalogue) {
        if (!settings.getBoolean("takamul.provider.enabled")) {
            return List.of();
        }
        if (settings.role() == NodeRole.HUB) {
            return List.copyOf(catalogue.services());
        }
        String member = settings.get("takamul.node.member");
        MemberId own;
        try {
            own = MemberId.parse(member);
        } catch (IdentifierException e) {
            throw new IllegalStateException("a gateway needs takamul.node.member, its member id (e.g. PS/GOV/MOI): "
                    + e.getMessage());
        }
        if (catalogue.members().stream().noneMatch(m -> m.id().equals(own))) {
            throw new IllegalStateException("takamul.node.member " + own + " is not in the catalogue");
        }
        return catalogue.services().stream().filter(s -> s.id().member().equals(own)).toList();
    }
}
