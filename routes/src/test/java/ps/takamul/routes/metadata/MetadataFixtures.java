package ps.takamul.routes.metadata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ps.takamul.core.catalogue.BilingualText;
import ps.takamul.core.catalogue.BodyLogging;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.ConnectorSettings;
import ps.takamul.core.catalogue.Mediation;
import ps.takamul.core.catalogue.Member;
import ps.takamul.core.catalogue.ServiceDescription;
import ps.takamul.core.catalogue.ServiceKind;
import ps.takamul.core.catalogue.ServiceProtocol;
import ps.takamul.core.catalogue.Sla;
import ps.takamul.core.catalogue.Subsystem;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.identifier.SubsystemId;

/** Small catalogues for the metadata tests: the services given, their providers, and two consumers. */
final class MetadataFixtures {
    private MetadataFixtures() {
    }

    static ServiceDescription service(String id, ServiceProtocol protocol) {
        return service(id, protocol, new BilingualText("خدمة", "A service"), null);
    }

    static ServiceDescription service(String id, ServiceProtocol protocol, BilingualText name, Path contract) {
        return new ServiceDescription(ServiceId.parse(id), name, BilingualText.EMPTY, protocol, ServiceKind.QUERY, null,
                contract, null, BodyLogging.METADATA, Sla.DEFAULT, 1, new ConnectorSettings("http", Map.of()),
                Mediation.NONE, "test.yaml");
    }

    /** The services, a member for each provider, and the consumers MOH/health-records and MOL/labour-registry. */
    static Catalogue catalogue(List<ServiceDescription> services) {
        Map<MemberId, List<Subsystem>> subsystems = new LinkedHashMap<>();
        for (String consumer : List.of("PS/GOV/MOH/health-records", "PS/GOV/MOL/labour-registry")) {
            SubsystemId id = SubsystemId.parse(consumer);
            subsystems.computeIfAbsent(id.member(), m -> new ArrayList<>()).add(new Subsystem(id, BilingualText.EMPTY));
        }
        for (ServiceDescription s : services) {
            List<Subsystem> list = subsystems.computeIfAbsent(s.id().member(), m -> new ArrayList<>());
            if (list.stream().noneMatch(sub -> sub.id().equals(s.id().subsystem()))) {
                list.add(new Subsystem(s.id().subsystem(), new BilingualText("نظام", "System")));
            }
        }
        List<Member> members = new ArrayList<>();
        subsystems.forEach((id, list) -> members.add(new Member(id, new BilingualText("جهة", "Member"), BodyLogging.METADATA, list)));
        return new Catalogue(members, services);
    }
}
