package ps.takamul.core.catalogue;

import com.fasterxml.jackson.core.JsonPointer;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import ps.takamul.core.Durations;
import ps.takamul.core.identifier.IdentifierException;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.identifier.SubsystemId;

/**
 * Checks one service entry of a catalogue file that has passed the schema, for what the schema
 * cannot see (identifiers, durations, whether the contract fits the protocol and exists, where the
 * data subject can be), and turns it into a {@link ServiceDescription}.
 */
final class ServiceEntries {
    static final int DEFAULT_CONSUMERS = 4;
    /** Element steps by local name: no prefixes, predicates or wildcards, which name no single element. */
    private static final Pattern ELEMENT_PATH = Pattern.compile("(/[^/\\s:*\\[\\]]+)+");

    /** A service that passed, and where it was written. */
    record Checked(ServiceDescription service, Where at) {
    }

    private final Path folder;
    private final List<String> problems;

    /** @param folder the catalogue file's folder: contract paths are relative to it */
    ServiceEntries(Path folder, List<String> problems) {
        this.folder = folder.normalize();
        this.problems = problems;
    }

    /** @return the service, or null if the entry has problems (added to the list) */
    Checked check(Where at, SubsystemId subsystem, BodyLogging memberBodyLogging, CatalogueFile.ServiceEntry e) {
        ServiceId id;
        try {
            id = subsystem.service(e.code(), e.version());
        } catch (IdentifierException ex) {
            problems.add(at.problem(ex.getMessage()));
            return null;
        }
        Where where = at.named(id);
        int before = problems.size();
        ServiceProtocol protocol = ServiceProtocol.valueOf(e.protocol().toUpperCase(Locale.ROOT));
        ServiceKind kind = e.kind() == null ? ServiceKind.QUERY : ServiceKind.valueOf(e.kind().toUpperCase(Locale.ROOT));
        if (kind == ServiceKind.NOTIFICATION && protocol == ServiceProtocol.SOAP) {
            problems.add(where.field("kind").problem("notifications are offered over REST only; use protocol: rest"));
        }
        Sla sla = sla(where.field("sla"), e.sla());
        Path contract = contract(where, e, protocol);
        DataSubject dataSubject = dataSubject(where.field("dataSubject"), e.dataSubject(), protocol);
        if (problems.size() > before) {
            return null;
        }
        Map<String, String> settings = new LinkedHashMap<>(e.connector());
        ConnectorSettings connector = new ConnectorSettings(settings.remove("type"), settings);
        Mediation mediation = e.mediation() == null ? Mediation.NONE
                : new Mediation(e.mediation().request(), e.mediation().response());
        Owner owner = e.owner() == null ? null : new Owner(e.owner().unit(), e.owner().contact());
        return new Checked(new ServiceDescription(id, e.name(), e.description(), protocol, kind, owner, contract,
                dataSubject, CatalogueEntries.bodyLogging(e.bodyLogging(), memberBodyLogging), sla,
                e.consumers() == null ? DEFAULT_CONSUMERS : e.consumers(), connector, mediation, where.file()), where);
    }

    private Sla sla(Where at, CatalogueFile.SlaEntry entry) {
        if (entry == null) {
            return Sla.DEFAULT;
        }
        Duration timeout = entry.timeout() == null ? Sla.DEFAULT_TIMEOUT : positive(at.field("timeout"), entry.timeout());
        Duration expected = entry.expectedLatency() == null ? null
                : positive(at.field("expectedLatency"), entry.expectedLatency());
        if (timeout != null && expected != null && expected.compareTo(timeout) >= 0) {
            problems.add(at.field("expectedLatency").problem("must be shorter than the timeout ("
                    + (entry.timeout() == null ? Sla.DEFAULT_TIMEOUT.toSeconds() + "s, the default" : entry.timeout().strip()) + ")"));
        }
        return new Sla(timeout, expected);
    }

    private Duration positive(Where at, String written) {
        try {
            Duration duration = Durations.parse(written);
            if (duration.isZero()) {
                problems.add(at.problem("must be more than zero"));
                return null;
            }
            return duration;
        } catch (IllegalArgumentException ex) {
            problems.add(at.problem(ex.getMessage()));
            return null;
        }
    }

    /** The contract's absolute path, null if none is named; the key must fit the protocol. */
    private Path contract(Where where, CatalogueFile.ServiceEntry e, ServiceProtocol protocol) {
        ContractType type = ContractType.of(protocol);
        String written = type == ContractType.OPENAPI ? e.openapi() : e.wsdl();
        String misplaced = type == ContractType.OPENAPI ? e.wsdl() : e.openapi();
        if (misplaced != null) {
            ContractType other = type == ContractType.OPENAPI ? ContractType.WSDL : ContractType.OPENAPI;
            problems.add(where.field(other.key()).problem(type == ContractType.OPENAPI
                    ? "a REST service is described by an OpenAPI 3 document (openapi:), not a WSDL"
                    : "a SOAP service is described by a WSDL (wsdl:), not an OpenAPI document"));
        }
        if (written == null) {
            return null;
        }
        Where at = where.field(type.key());
        Path file;
        try {
            file = folder.resolve(written).normalize();
        } catch (InvalidPathException ex) {
            problems.add(at.problem("'" + written + "' is not a file path: " + ex.getMessage()));
            return null;
        }
        // contracts are published to consumers: a path must not reach files outside the catalogue
        if (!file.startsWith(folder)) {
            problems.add(at.problem(written + " is outside the catalogue folder; contracts must be in it or below it"));
            return null;
        }
        String problem = ContractDocuments.problem(type, file, written);
        if (problem != null) {
            problems.add(at.problem(problem));
        }
        return file;
    }

    private DataSubject dataSubject(Where at, CatalogueFile.DataSubjectEntry entry, ServiceProtocol protocol) {
        if (entry == null) {
            return null;
        }
        DataSubject.Location in = DataSubject.Location.valueOf(entry.in().toUpperCase(Locale.ROOT));
        if (protocol == ServiceProtocol.SOAP && in != DataSubject.Location.XML && in != DataSubject.Location.HEADER) {
            problems.add(at.field("in").problem("a SOAP request has no " + entry.in()
                    + "; its data subject is in the XML body (in: xml) or an HTTP header (in: header)"));
        }
        String pointer = entry.pointer();
        if (in == DataSubject.Location.JSON && !isJsonPointer(pointer)) {
            problems.add(at.field("pointer").problem("'" + pointer + "' is not a JSON Pointer such as /person/nationalId"));
        }
        if (in == DataSubject.Location.XML && !ELEMENT_PATH.matcher(pointer).matches()) {
            problems.add(at.field("pointer").problem("'" + pointer + "' is not an element path such as "
                    + "/PersonByNationalId/nationalId (local names; no prefixes, predicates or *)"));
        }
        return new DataSubject(in, entry.name(), pointer);
    }

    private static boolean isJsonPointer(String pointer) {
        try {
            return !JsonPointer.compile(pointer).matches();
        } catch (IllegalArgumentException ex) {
            return false;
        }
    }
}
