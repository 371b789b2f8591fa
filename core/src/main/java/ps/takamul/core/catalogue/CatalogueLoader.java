package ps.takamul.core.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import ps.takamul.core.Durations;
import ps.takamul.core.yaml.YamlProblems;
import ps.takamul.core.identifier.IdentifierException;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.identifier.SubsystemId;

/**
 * Reads every {@code *.yaml} file of a catalogue folder and checks it whole: identifiers, protocols,
 * timeouts and connectors. All problems are
 * reported at once, each naming the file, the entry and what is wrong.
 */
public final class CatalogueLoader {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_CONSUMERS = 4;

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public Catalogue load(Path folder) {
        return load(List.of(folder));
    }

    /**
     * Loads the catalogue files of several folders as one catalogue, for a site that keeps, say,
     * its own members apart from the shared ones.
     */
    public Catalogue load(List<Path> folders) {
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> list = Files.list(folder)) {
                files.addAll(list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted().toList());
            } catch (IOException e) {
                throw new CatalogueException(List.of(folder + ": cannot read the catalogue folder: " + e.getMessage()));
            }
        }
        if (files.isEmpty()) {
            throw new CatalogueException(List.of(folders.stream().map(Path::toString)
                    .collect(java.util.stream.Collectors.joining(", ")) + ": no catalogue files (*.yaml)"));
        }
        Builder builder = new Builder();
        for (Path file : files) {
            builder.add(file.getFileName().toString(), read(file, builder.problems));
        }
        return builder.build();
    }

    private CatalogueFile read(Path file, List<String> problems) {
        try {
            CatalogueFile parsed = yaml.readValue(file.toFile(), CatalogueFile.class);
            return parsed == null ? new CatalogueFile(List.of()) : parsed;
        } catch (JsonProcessingException e) {
            problems.add(file.getFileName() + ": " + YamlProblems.describe(yaml, file, e));
        } catch (IOException e) {
            problems.add(file.getFileName() + ": cannot read: " + e.getMessage());
        }
        return new CatalogueFile(List.of());
    }

    /** Collects entries across files; cross-file checks run in {@link #build()}. */
    private static final class Builder {
        final List<String> problems = new ArrayList<>();
        final Map<MemberId, Member> members = new LinkedHashMap<>();
        final Map<MemberId, String> memberFile = new HashMap<>();
        final Map<ServiceId, ServiceDescription> services = new LinkedHashMap<>();

        void add(String file, CatalogueFile content) {
            List<CatalogueFile.MemberEntry> entries = content.members() == null ? List.of() : content.members();
            for (int i = 0; i < entries.size(); i++) {
                addMember(file, "members[" + i + "]", entries.get(i));
            }
        }

        private void addMember(String file, String at, CatalogueFile.MemberEntry entry) {
            MemberId id;
            try {
                id = MemberId.parse(entry.id());
            } catch (IdentifierException e) {
                problems.add(file + ": " + at + ".id: " + e.getMessage());
                return;
            }
            String where = file + ": " + at + " (" + id + ")";
            if (members.containsKey(id)) {
                problems.add(where + ": member is declared twice, also in " + memberFile.get(id));
                return;
            }
            Set<String> subsystemCodes = new HashSet<>();
            List<CatalogueFile.SubsystemEntry> subsystems = entry.subsystems() == null ? List.of() : entry.subsystems();
            for (int i = 0; i < subsystems.size(); i++) {
                CatalogueFile.SubsystemEntry sub = subsystems.get(i);
                String subAt = where + ".subsystems[" + i + "]";
                SubsystemId subsystemId;
                try {
                    subsystemId = id.subsystem(sub.code());
                } catch (IdentifierException e) {
                    problems.add(subAt + ".code: " + e.getMessage());
                    continue;
                }
                if (!subsystemCodes.add(sub.code())) {
                    problems.add(subAt + ": subsystem '" + sub.code() + "' is declared twice");
                }
                List<CatalogueFile.ServiceEntry> list = sub.services() == null ? List.of() : sub.services();
                for (int j = 0; j < list.size(); j++) {
                    addService(file, subAt + ".services[" + j + "]", subsystemId, list.get(j));
                }
            }
            members.put(id, new Member(id, entry.name() == null ? BilingualText.EMPTY : entry.name(), subsystemCodes));
            memberFile.put(id, file);
        }

        private void addService(String file, String at, SubsystemId subsystem, CatalogueFile.ServiceEntry e) {
            ServiceId id;
            try {
                id = subsystem.service(e.code(), e.version());
            } catch (IdentifierException ex) {
                problems.add(at + ": " + ex.getMessage());
                return;
            }
            String where = at + " (" + id + ")";
            int before = problems.size();
            ServiceProtocol protocol = parseEnum(ServiceProtocol.class, e.protocol(), where + ".protocol", null);
            ServiceKind kind = parseEnum(ServiceKind.class, e.kind(), where + ".kind", ServiceKind.QUERY);
            if (kind == ServiceKind.NOTIFICATION && protocol == ServiceProtocol.SOAP) {
                problems.add(where + ".kind: notifications are offered over REST only; use protocol: rest");
            }
            Duration timeout = DEFAULT_TIMEOUT;
            if (e.timeout() != null) {
                try {
                    timeout = Durations.parse(e.timeout());
                    if (timeout.isZero()) {
                        problems.add(where + ".timeout: must be more than zero");
                    }
                } catch (IllegalArgumentException ex) {
                    problems.add(where + ".timeout: " + ex.getMessage());
                }
            }
            int consumers = e.consumers() == null ? DEFAULT_CONSUMERS : e.consumers();
            if (consumers < 1 || consumers > 500) {
                problems.add(where + ".consumers: must be between 1 and 500, was " + consumers);
            }
            ConnectorSettings connector = null;
            if (e.connector() == null || e.connector().get("type") == null) {
                problems.add(where + ".connector.type: missing (which connector calls the provider?)");
            } else {
                Map<String, String> settings = new LinkedHashMap<>(e.connector());
                connector = new ConnectorSettings(settings.remove("type"), settings);
            }
            if (services.containsKey(id)) {
                problems.add(where + ": service is declared twice");
            }
            if (problems.size() > before) {
                return;
            }
            Mediation mediation = e.mediation() == null ? Mediation.NONE
                    : new Mediation(e.mediation().request(), e.mediation().response());
            services.put(id, new ServiceDescription(id, protocol, kind,
                    e.description() == null ? BilingualText.EMPTY : e.description(),
                    timeout, consumers, connector, mediation, file));
        }

        private <E extends Enum<E>> E parseEnum(Class<E> type, String value, String where, E fallback) {
            if (value == null) {
                if (fallback == null) {
                    problems.add(where + ": missing; one of " + List.of(type.getEnumConstants()).toString().toLowerCase(java.util.Locale.ROOT));
                }
                return fallback;
            }
            try {
                return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                problems.add(where + ": '" + value + "' is not one of "
                        + List.of(type.getEnumConstants()).toString().toLowerCase(java.util.Locale.ROOT));
                return fallback;
            }
        }

        Catalogue build() {
            Catalogue catalogue = new Catalogue(members.values(), services.values());
            if (!problems.isEmpty()) {
                throw new CatalogueException(problems);
            }
            return catalogue;
        }
    }
}
