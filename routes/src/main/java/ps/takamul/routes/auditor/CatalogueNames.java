package ps.takamul.routes.auditor;

import ps.takamul.core.catalogue.BilingualText;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.Member;
import ps.takamul.core.catalogue.ServiceDescription;
import ps.takamul.core.catalogue.Subsystem;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.ServiceId;

/**
 * The names the catalogue gives a record's client and service, in both languages. A record keeps
 * ids only; the names are the catalogue's of today, and an id it no longer knows (or that is no
 * client or service id, such as an operator's) gets empty names and is shown as the id.
 */
final class CatalogueNames {
    private CatalogueNames() {
    }

    /** The client's member: the institution that asked. */
    static BilingualText institution(Catalogue catalogue, String client) {
        ClientId id = client(client);
        return id == null ? BilingualText.EMPTY : catalogue.member(id.member()).map(Member::name).orElse(BilingualText.EMPTY);
    }

    /** The client's subsystem: the institution's system that asked. */
    static BilingualText system(Catalogue catalogue, String client) {
        ClientId id = client(client);
        return id == null || !id.isSubsystem() ? BilingualText.EMPTY
                : catalogue.subsystem(id.asSubsystem()).map(Subsystem::name).orElse(BilingualText.EMPTY);
    }

    static BilingualText service(Catalogue catalogue, String service) {
        if (service == null) {
            return BilingualText.EMPTY;
        }
        try {
            return catalogue.service(ServiceId.parse(service)).map(ServiceDescription::name).orElse(BilingualText.EMPTY);
        } catch (IllegalArgumentException notAServiceId) {
            return BilingualText.EMPTY;
        }
    }

    private static ClientId client(String client) {
        if (client == null) {
            return null;
        }
        try {
            return ClientId.parse(client);
        } catch (IllegalArgumentException notAClientId) {
            return null;
        }
    }
}
