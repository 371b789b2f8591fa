package ps.takamul.core.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The YAML shape of one catalogue file, exactly as written. Its structure is checked first by the
 * schema ({@code schema/catalogue.schema.json}); meaning is checked later by {@link CatalogueLoader}.
 */
record CatalogueFile(@JsonProperty("members") List<MemberEntry> members) {

    record MemberEntry(
            @JsonProperty("id") String id,
            @JsonProperty("name") BilingualText name,
            @JsonProperty("bodyLogging") String bodyLogging,
            @JsonProperty("subsystems") List<SubsystemEntry> subsystems) {
    }

    record SubsystemEntry(
            @JsonProperty("code") String code,
            @JsonProperty("name") BilingualText name,
            @JsonProperty("services") List<ServiceEntry> services) {
    }

    record ServiceEntry(
            @JsonProperty("code") String code,
            @JsonProperty("version") String version,
            @JsonProperty("protocol") String protocol,
            @JsonProperty("kind") String kind,
            @JsonProperty("name") BilingualText name,
            @JsonProperty("description") BilingualText description,
            @JsonProperty("owner") OwnerEntry owner,
            @JsonProperty("openapi") String openapi,
            @JsonProperty("wsdl") String wsdl,
            @JsonProperty("dataSubject") DataSubjectEntry dataSubject,
            @JsonProperty("bodyLogging") String bodyLogging,
            @JsonProperty("sla") SlaEntry sla,
            @JsonProperty("consumers") Integer consumers,
            @JsonProperty("connector") Map<String, String> connector,
            @JsonProperty("mediation") MediationEntry mediation) {
    }

    record OwnerEntry(@JsonProperty("unit") BilingualText unit, @JsonProperty("contact") String contact) {
    }

    record DataSubjectEntry(@JsonProperty("in") String in, @JsonProperty("name") String name,
                            @JsonProperty("pointer") String pointer) {
    }

    record SlaEntry(@JsonProperty("timeout") String timeout, @JsonProperty("expectedLatency") String expectedLatency) {
    }

    record MediationEntry(@JsonProperty("request") String request, @JsonProperty("response") String response) {
    }
}
