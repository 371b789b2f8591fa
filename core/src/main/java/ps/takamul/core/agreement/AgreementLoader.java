package ps.takamul.core.agreement;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.CatalogueException;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.IdentifierException;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.yaml.YamlSchema;

/**
 * Reads the agreements folder ({@code config/agreements/*.yaml}) and checks it whole: each file's
 * structure against {@code schema/agreements.schema.json}, then ids unique,
 * consumers and services well-formed and (against a catalogue) registered, groups defined,
 * operations, allowances and dates valid. Every problem is reported at once, naming the file, the
 * agreement and the field.
 */
public final class AgreementLoader {
    private static final YamlSchema SCHEMA = YamlSchema.fromResource("/schema/agreements.schema.json");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One file as written. */
    record File(Map<String, List<String>> groups, List<Entry> agreements) {
    }

    /** One agreement as written; checked into a {@link DataSharingAgreement}. */
    record Entry(String id, String consumer, String service, List<String> operations, List<String> responseFields,
                 List<String> purposes, String rateLimit, String quota, String validFrom, String validUntil,
                 String approvedBy, String approvedAt) {
    }

    /** Reads one folder on its own, without checking it against a catalogue. */
    public Agreements load(Path folder) {
        return load(List.of(folder), null);
    }

    /**
     * Reads the agreement folders and checks them against the catalogue they govern: every
     * service named must be in it, every consumer and group member a registered member or subsystem.
     *
     * @return the catalogue, governed by these agreements
     */
    public Catalogue governing(Catalogue catalogue, List<Path> folders) {
        return catalogue.withAgreements(load(folders, catalogue));
    }

    private Agreements load(List<Path> folders, Catalogue catalogue) {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> groups = new HashMap<>();
        List<Map.Entry<String, Entry>> entries = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> list = Files.list(folder)) {
                files.addAll(list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList());
            } catch (IOException e) {
                throw new CatalogueException(List.of("cannot read the agreements folder " + folder + ": " + e.getMessage()));
            }
        }
        for (Path path : files) {
            String name = path.getFileName().toString();
            YamlSchema.Valid<File> valid = SCHEMA.read(yaml, path, File.class, problems);
            if (valid == null) {
                continue;
            }
            File file = valid.value();
            if (file.groups() != null) {
                file.groups().forEach((group, members) -> {
                    for (String member : members) {
                        try {
                            ClientId client = ClientId.parse(member);
                            if (catalogue != null && !catalogue.isKnown(client)) {
                                problems.add(name + ": group " + group + ": member " + member
                                        + " is not a registered member or subsystem");
                            }
                        } catch (IdentifierException e) {
                            problems.add(name + ": group " + group + ": member '" + member + "': " + e.getMessage());
                        }
                    }
                    if (groups.putIfAbsent(group, new HashSet<>(members)) != null) {
                        problems.add(name + ": group " + group + " is defined twice");
                    }
                });
            }
            if (file.agreements() != null) {
                file.agreements().forEach(e -> entries.add(Map.entry(name, e)));
            }
        }
        List<DataSharingAgreement> agreements = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, Entry> named : entries) {
            DataSharingAgreement checked = check(named.getKey(), named.getValue(), groups, catalogue, problems);
            if (checked != null && !ids.add(checked.id())) {
                problems.add(named.getKey() + ": agreement " + checked.id() + ": id is used twice");
            } else if (checked != null) {
                agreements.add(checked);
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        return new Agreements(agreements, groups);
    }

    private static DataSharingAgreement check(String file, Entry e, Map<String, Set<String>> groups, Catalogue catalogue,
                                              List<String> problems) {
        String where = file + ": agreement " + (e.id() == null ? "(no id)" : e.id()) + ": ";
        int before = problems.size();
        if (e.id() == null || e.id().isBlank()) {
            problems.add(where + "id is required");
        }
        if (e.consumer() == null) {
            problems.add(where + "consumer is required");
        } else if (e.consumer().startsWith(Agreements.GROUP_PREFIX)) {
            if (!groups.containsKey(e.consumer().substring(Agreements.GROUP_PREFIX.length()))) {
                problems.add(where + "consumer: no group " + e.consumer().substring(Agreements.GROUP_PREFIX.length()));
            }
        } else {
            ClientId consumer = parse(() -> ClientId.parse(e.consumer()), where + "consumer", problems);
            if (consumer != null && catalogue != null && !catalogue.isKnown(consumer)) {
                problems.add(where + "consumer: " + consumer + " is not a registered member or subsystem");
            }
        }
        ServiceId service = e.service() == null ? null : parse(() -> ServiceId.parse(e.service()), where + "service", problems);
        if (e.service() == null) {
            problems.add(where + "service is required");
        } else if (service != null && catalogue != null && catalogue.service(service).isEmpty()) {
            problems.add(where + "service: " + service + " is not in the catalogue");
        }
        List<Operation> operations = new ArrayList<>();
        if (e.operations() == null || e.operations().isEmpty()) {
            problems.add(where + "operations: at least one is required");
        } else {
            for (String op : e.operations()) {
                Operation parsed = parse(() -> Operation.parse(op), where + "operations", problems);
                if (parsed != null) {
                    operations.add(parsed);
                }
            }
        }
        Allowance rateLimit = e.rateLimit() == null ? null : parse(() -> Allowance.parse(e.rateLimit()), where + "rateLimit", problems);
        Allowance quota = e.quota() == null ? null : parse(() -> Allowance.parse(e.quota()), where + "quota", problems);
        Instant from = instant(e.validFrom(), where + "validFrom", problems, true);
        Instant until = instant(e.validUntil(), where + "validUntil", problems, false);
        Instant approvedAt = instant(e.approvedAt(), where + "approvedAt", problems, true);
        if (e.approvedBy() == null || e.approvedBy().isBlank()) {
            problems.add(where + "approvedBy is required");
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            return new DataSharingAgreement(e.id(), e.consumer(), service, operations,
                    e.responseFields() == null ? List.of() : e.responseFields(),
                    e.purposes() == null ? Set.of() : new LinkedHashSet<>(e.purposes()), rateLimit, quota, from, until, e.approvedBy(), approvedAt);
        } catch (IllegalArgumentException ex) {
            problems.add(where + ex.getMessage());
            return null;
        }
    }

    private static Instant instant(String value, String field, List<String> problems, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(field + " is required (e.g. 2026-01-01T00:00:00Z)");
            }
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException ex) {
            problems.add(field + ": '" + value + "' is not a UTC time like 2026-01-01T00:00:00Z");
            return null;
        }
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String field, List<String> problems) {
        try {
            return parser.get();
        } catch (IllegalArgumentException ex) {
            problems.add(field + ": " + ex.getMessage());
            return null;
        }
    }
}
