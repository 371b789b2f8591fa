package ps.takamul.security.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** Reading and writing the PEM files operators exchange: CSRs, certificates, chains, CRLs. */
public final class Pem {

    private Pem() {
    }

    public static String encode(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new PkiException("cannot encode PEM", e);
        }
        return out.toString();
    }

    public static void write(Path file, Object... objects) {
        Files2.writeAtomically(file, encode(objects).getBytes(StandardCharsets.US_ASCII));
    }

    public static PKCS10CertificationRequest readCsr(String pem) {
        for (Object object : readAll(pem)) {
            if (object instanceof PKCS10CertificationRequest csr) {
                return csr;
            }
        }
        throw new PkiException("no CERTIFICATE REQUEST found in the PEM input");
    }

    public static List<X509Certificate> readCertificates(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object object : readAll(pem)) {
            if (object instanceof X509CertificateHolder holder) {
                certificates.add(Crypto.toX509(holder));
            }
        }
        if (certificates.isEmpty()) {
            throw new PkiException("no CERTIFICATE found in the PEM input");
        }
        return certificates;
    }

    public static List<X509Certificate> readCertificates(Path file) {
        return readCertificates(Files2.readString(file));
    }

    private static List<Object> readAll(String pem) {
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            throw new PkiException("malformed PEM input: " + e.getMessage(), e);
        }
        return objects;
    }
}
