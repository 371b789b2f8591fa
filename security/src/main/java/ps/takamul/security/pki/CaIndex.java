package ps.takamul.security.pki;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CA's state, kept as {@code index.json} in the CA folder: what it issued, what it revoked
 * and the next CRL number. Small and human-readable on purpose: an operator can audit it with
 * a text editor, and it is rewritten atomically after every change.
 *
 * @param crlUrl  CRL distribution point written into issued certificates; null for none
 * @param ocspUrl OCSP responder written into issued end-entity certificates (AIA); null for none,
 *                which is also what an index written before OCSP existed reads as
 */
public record CaIndex(String instance, String crlUrl, String ocspUrl, long nextCrlNumber, List<Entry> certificates) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One issued certificate. Times are ISO-8601 instants; revokedAt and reason stay null until revoked. */
    public record Entry(String serial, String profile, String subject, String notBefore, String notAfter,
                        String revokedAt, String reason) {

        public boolean revoked() {
            return revokedAt != null;
        }

        Entry revoke(String at, RevocationReason why) {
            return new Entry(serial, profile, subject, notBefore, notAfter, at, why.label());
        }
    }

    public CaIndex {
        certificates = List.copyOf(certificates);
    }

    public static CaIndex read(Path file) {
        try {
            return JSON.readValue(Files2.readBytes(file), CaIndex.class);
        } catch (IOException e) {
            throw new PkiException("the CA index " + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    void write(Path file) {
        try {
            Files2.writeAtomically(file, JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new PkiException("cannot encode the CA index: " + e.getMessage(), e);
        }
    }

    Optional<Entry> find(String serial) {
        return certificates.stream().filter(e -> e.serial().equals(serial)).findFirst();
    }

    CaIndex with(Entry entry) {
        List<Entry> all = new ArrayList<>(certificates);
        all.removeIf(e -> e.serial().equals(entry.serial()));
        all.add(entry);
        return new CaIndex(instance, crlUrl, ocspUrl, nextCrlNumber, all);
    }

    CaIndex afterCrl() {
        return new CaIndex(instance, crlUrl, ocspUrl, nextCrlNumber + 1, certificates);
    }
}
