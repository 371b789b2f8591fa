package ps.takamul.core.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The YAML shape of one catalogue file, exactly as written. Unknown keys are errors (a typo must
 * not silently drop an access rule); meaning is checked later by {@link CatalogueLoader}.
 */
record CatalogueFile(@JsonProperty("members") List<MemberEntry> members) {

    record MemberEntry(
            @JsonProperty("id") String id,
            @JsonProperty("name") BilingualText name,
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
            @JsonProperty("description") BilingualText description,
            @JsonProperty("timeout") String timeout,
            @JsonProperty("consumers") Integer consumers,
            @JsonProperty("connector") Map<String, String> connector,
            @JsonProperty("mediation") MediationEntry mediation) {
    }

    record MediationEntry(@JsonProperty("request") String request, @JsonProperty("response") String response) {
    }
}
