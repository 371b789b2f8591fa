package ps.takamul.audit.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import ps.takamul.audit.bundle.BundleFormat;
import ps.takamul.security.pki.Pem;
import ps.takamul.security.pki.PkiException;

/** A bundle's zip entries, read with every failure turned into a problem naming the entry. */
final class BundleEntries {
    /** JSON and PEM entries are small; anything past this is not what the format writes there. */
    private static final int MAX_SMALL_ENTRY = 16 << 20;

    private final ZipFile zip;
    private final Findings findings;

    BundleEntries(ZipFile zip, Findings findings) {
        this.zip = zip;
        this.findings = findings;
    }

    ZipFile zip() {
        return zip;
    }

    boolean has(String name) {
        return zip.getEntry(name) != null;
    }

    /** The entry's lines, or null (and a problem) if it is missing. */
    Lines lines(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            findings.problem(name + " missing");
            return null;
        }
        return new Lines(new BufferedInputStream(zip.getInputStream(entry), 1 << 16));
    }

    /** The whole entry, or null if it is missing. */
    byte[] bytes(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] content = in.readNBytes(MAX_SMALL_ENTRY + 1);
            if (content.length > MAX_SMALL_ENTRY) {
                throw new IOException(name + " is larger than " + MAX_SMALL_ENTRY + " bytes");
            }
            return content;
        }
    }

    /** A JSON entry as {@code type}; null, with a problem, if it is missing or unreadable. */
    <T> T json(String name, Class<T> type) throws IOException {
        byte[] content = bytes(name);
        if (content == null) {
            findings.problem(name + " missing");
            return null;
        }
        try {
            return BundleFormat.JSON.readValue(content, type);
        } catch (JsonProcessingException e) {
            findings.problem(name + " unreadable: " + e.getOriginalMessage());
            return null;
        }
    }

    /** The certificates of a PEM entry; empty if it is missing, empty with a problem if unreadable. */
    List<X509Certificate> certificates(String name) throws IOException {
        byte[] content = bytes(name);
        if (content == null) {
            return List.of();
        }
        try {
            return Pem.readCertificates(new String(content, StandardCharsets.US_ASCII));
        } catch (PkiException e) {
            findings.problem(name + " unreadable: " + e.getMessage());
            return List.of();
        }
    }

    /** The entries under a folder ("bodies/"), by name. */
    List<String> under(String folder) {
        List<String> names = new ArrayList<>();
        zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith(folder) && !n.equals(folder)).forEach(names::add);
        return names;
    }
}
