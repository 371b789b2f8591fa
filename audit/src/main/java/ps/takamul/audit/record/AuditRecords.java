package ps.takamul.audit.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one encoding of an {@link AuditRecord}: compact UTF-8 JSON, properties and map keys in
 * alphabetical order, times as ISO-8601 UTC, absent values left out. Deterministic, so that the
 * same record always gives the same leaf; readable, so that an auditor can read an export with
 * any JSON tool. Arabic text is written as UTF-8 characters, not escapes.
 */
public final class AuditRecords {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build();

    private AuditRecords() {
    }

    /** The record's canonical bytes: what is stored, exported and hashed into the tree. */
    public static byte[] canonical(AuditRecord record) {
        byte[] written = CanonicalWriter.write(record);
        return written != null ? written : jackson(record);
    }

    /** The reference encoding, which {@link CanonicalWriter} must match byte for byte. */
    static byte[] jackson(AuditRecord record) {
        try {
            return JSON.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit record always serialises", e);
        }
    }

    /** Reads a record back from its canonical bytes (an export, a store row). */
    public static AuditRecord read(byte[] canonical) {
        try {
            return JSON.readValue(canonical, AuditRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not an audit record: " + e.getMessage(), e);
        }
    }
}
