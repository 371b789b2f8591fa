package ps.takamul.core.catalogue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import ps.takamul.core.identifier.IdentifierException;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.identifier.SubsystemId;
import ps.takamul.core.yaml.YamlLines;

/**
 * Collects the members and services of every catalogue file, checking identifiers and duplicates
 * across files; each service entry is checked by {@link ServiceEntries}.
 */
final class CatalogueEntries {
    final List<String> problems = new ArrayList<>();
    private final Map<MemberId, Member> members = new LinkedHashMap<>();
    private final Map<MemberId, String> memberFile = new HashMap<>();
    private final Map<ServiceId, ServiceDescription> services = new LinkedHashMap<>();

    void add(Path file, YamlLines lines, CatalogueFile content) {
        ServiceEntries serviceEntries = new ServiceEntries(file.toAbsolutePath().getParent(), problems);
        Where top = Where.top(file.getFileName().toString(), lines);
        List<CatalogueFile.MemberEntry> entries = listOf(content.members());
        for (int i = 0; i < entries.size(); i++) {
            addMember(top.item("members", i), entries.get(i), serviceEntries);
        }
    }

    private void addMember(Where at, CatalogueFile.MemberEntry entry, ServiceEntries serviceEntries) {
        MemberId id;
        try {
            id = MemberId.parse(entry.id());
        } catch (IdentifierException e) {
            problems.add(at.field("id").problem(e.getMessage()));
            return;
        }
        Where member = at.named(id);
        if (members.containsKey(id)) {
            problems.add(member.problem("member is declared twice, also in " + memberFile.get(id)));
            return;
        }
        BodyLogging bodyLogging = bodyLogging(entry.bodyLogging(), BodyLogging.METADATA);
        Set<String> codes = new HashSet<>();
        List<Subsystem> subsystems = new ArrayList<>();
        List<CatalogueFile.SubsystemEntry> entries = listOf(entry.subsystems());
        for (int i = 0; i < entries.size(); i++) {
            CatalogueFile.SubsystemEntry sub = entries.get(i);
            Where subAt = member.item("subsystems", i);
            SubsystemId subsystemId;
            try {
                subsystemId = id.subsystem(sub.code());
            } catch (IdentifierException e) {
                problems.add(subAt.field("code").problem(e.getMessage()));
                continue;
            }
            if (!codes.add(sub.code())) {
                problems.add(subAt.problem("subsystem '" + sub.code() + "' is declared twice"));
                continue;
            }
            subsystems.add(new Subsystem(subsystemId, sub.name()));
            List<CatalogueFile.ServiceEntry> list = listOf(sub.services());
            for (int j = 0; j < list.size(); j++) {
                addService(serviceEntries.check(subAt.item("services", j), subsystemId, bodyLogging, list.get(j)));
            }
        }
        members.put(id, new Member(id, entry.name(), bodyLogging, subsystems));
        memberFile.put(id, at.file());
    }

    /** The node answers these service codes itself (X-Road metaservices): a service by that name could never be reached. */
    static final List<String> METASERVICES = List.of("listMethods", "allowedMethods", "getOpenAPI", "getWsdl");

    private void addService(ServiceEntries.Checked checked) {
        if (checked == null) {
            return;
        }
        if (services.containsKey(checked.service().id())) {
            problems.add(checked.at().problem("service is declared twice"));
        } else if (METASERVICES.contains(checked.service().id().serviceCode())) {
            problems.add(checked.at().problem("code '" + checked.service().id().serviceCode()
                    + "' is reserved for X-Road's metadata services " + METASERVICES));
        } else {
            services.put(checked.service().id(), checked.service());
        }
    }

    /** The value as written (the schema has checked it is one of the constants), or the default. */
    static BodyLogging bodyLogging(String written, BodyLogging fallback) {
        return written == null ? fallback : BodyLogging.valueOf(written.toUpperCase(Locale.ROOT));
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }

    Catalogue catalogue() {
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        return new Catalogue(members.values(), services.values());
    }
}
