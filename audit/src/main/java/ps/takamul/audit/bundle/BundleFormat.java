package ps.takamul.audit.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The names and encodings of a bundle's entries (docs/audit-bundle.md). A bundle is a zip file; its
 * records are the exact canonical bytes of the log, one per line, so nothing is re-encoded between
 * the store and the auditor.
 */
public final class BundleFormat {
    public static final String FORMAT = "takamul-audit-bundle/1";
    public static final String MANIFEST = "manifest.json";
    public static final String PREFIX = "prefix.json";
    public static final String RECORDS = "records.jsonl";
    public static final String INDEX = "index.csv";
    public static final String CHECKPOINTS = "checkpoints.jsonl";
    public static final String PROOFS = "proofs.jsonl";
    public static final String CHECKPOINT_CHAIN = "certificates/checkpoint-chain.pem";
    public static final String TSA_CHAIN = "certificates/tsa-chain.pem";
    /** Kept bodies, each under the lowercase hex of its SHA-256. */
    public static final String BODIES = "bodies/";
    /** Signature material taken out of an evidence record's fields, ready for openssl or xmlsec1. */
    public static final String SIGNATURES = "signatures/";

    /** The small JSON entries (manifest, prefix, checkpoints, proofs); records keep their own canonical bytes. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** What a bundle holds. */
    public enum Kind {
        /** A contiguous run of records [from, to), exported on request. */
        EXPORT,
        /** A contiguous run sealed into the archive; verified like an export, and chained to the next. */
        SEGMENT,
        /** The records of one message id, each with its inclusion proof. */
        EVIDENCE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }
    }

    private BundleFormat() {
    }

    /** The entry a body with this SHA-256 is kept under. */
    public static String body(byte[] sha256) {
        return BODIES + HexFormat.of().formatHex(sha256);
    }
}
