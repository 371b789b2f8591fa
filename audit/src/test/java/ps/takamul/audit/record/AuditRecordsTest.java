package ps.takamul.audit.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical encoding: the same record gives the same bytes, Arabic as UTF-8, and it reads back equal. */
class AuditRecordsTest {
    static AuditRecord exchange(Map<String, String> evidence) {
        return new AuditRecord(AuditRecord.Kind.EXCHANGE, Instant.parse("2026-11-22T10:00:00.123Z"), "hub-1", "moh-1",
                "moh-1", "PS/GOV/MOH/health-records", "PS/GOV/MOI/civil-registry/person-by-id/v1", "PS-doctor-9",
                "health-insurance", null, "848991048", Instant.parse("2026-11-22T10:00:00.100Z"),
                Instant.parse("2026-11-22T10:00:00.105Z"), Instant.parse("2026-11-22T10:00:00.123Z"), 0, 152, 200, null,
                "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:", "sha-256=:qs3AWtXkjZz5+9+DUVV68A1Wa8jp9hSaHunqyA2KraI=:",
                "MOI-MOH-2026-001", List.of("/person/motherNameAr"), evidence,
                Map.of("approvedBy", "لجنة حوكمة البيانات"));
    }

    @Test
    void theSameRecordAlwaysGivesTheSameBytesWhateverTheMapOrder() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        assertThat(AuditRecords.canonical(exchange(ab))).isEqualTo(AuditRecords.canonical(exchange(ba)));
    }

    @Test
    void arabicIsWrittenAsUtf8AndTheRecordReadsBackEqual() {
        AuditRecord record = exchange(Map.of("signature", "takamul=:abc=:"));
        byte[] bytes = AuditRecords.canonical(record);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("لجنة حوكمة البيانات").doesNotContain("\\u")
                .contains("\"at\":\"2026-11-22T10:00:00.123Z\"").doesNotContain("issue").doesNotContain("errorCode");
        assertThat(text.indexOf("\"agreement\"")).isLessThan(text.indexOf("\"answered\""));
        assertThat(AuditRecords.read(bytes)).isEqualTo(record);
    }
}
