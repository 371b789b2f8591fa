package ps.takamul.routes.auditor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import ps.takamul.audit.store.Checkpoint;
import ps.takamul.audit.store.StoredRecord;

/**
 * The API's JSON pieces. A record is given as its canonical JSON, parsed but not re-encoded field
 * by field, so that it says exactly what the leaf hash covers; hashes and signatures are base64.
 */
final class AuditJson {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String MEDIA_TYPE = "application/json";
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private AuditJson() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** {@code {"seq", "appendedAt", "record"}}: a record as stored. */
    static ObjectNode stored(StoredRecord stored) {
        ObjectNode node = object().put("seq", stored.sequence()).put("appendedAt", stored.appendedAt().toString());
        node.set("record", record(stored.canonical()));
        return node;
    }

    static ArrayNode stored(List<StoredRecord> records) {
        ArrayNode array = JSON.createArrayNode();
        records.forEach(r -> array.add(stored(r)));
        return array;
    }

    static JsonNode record(byte[] canonical) {
        try {
            return JSON.readTree(canonical);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored record is not JSON", e);
        }
    }

    /** {@code {"size", "root", "time", "signature", "timestampToken"}}. */
    static ObjectNode checkpoint(Checkpoint c) {
        return object().put("size", c.treeSize()).put("root", base64(c.rootHash())).put("time", c.at().toString())
                .put("signature", base64(c.signature())).put("timestampToken", base64(c.timestampToken()));
    }

    static ArrayNode hashes(List<byte[]> hashes) {
        ArrayNode array = JSON.createArrayNode();
        hashes.forEach(h -> array.add(base64(h)));
        return array;
    }

    static String base64(byte[] bytes) {
        return BASE64.encodeToString(bytes);
    }

    static Answer answer(JsonNode body) {
        try {
            return Answer.ok(MEDIA_TYPE, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** An RFC 9457 problem document with the bus's stable {@code code}, as the REST ingress writes them. */
    static Answer problem(Refusal refusal) {
        ObjectNode problem = object().put("type", refusal.typeUri()).put("title", refusal.title)
                .put("status", refusal.status).put("detail", refusal.getMessage()).put("code", refusal.code);
        Answer ok = answer(problem);
        return new Answer(refusal.status, "application/problem+json", ok.bytes(), null, ok.headers())
                .header("X-Road-Error", refusal.code);
    }
}
