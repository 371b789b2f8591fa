package ps.takamul.security.pki;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import ps.takamul.core.identifier.IdentifierException;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.identifier.SubsystemId;

/**
 * Which member or subsystem a certificate was issued to.
 *
 * <p>The binding is a subjectAltName URI, {@code urn:takamul:member:PS/GOV/MOI} or
 * {@code urn:takamul:subsystem:PS/GOV/MOH/health-records}: a typed, unambiguous field that TLS
 * stacks and openssl show as is. The subject's serialNumber repeats the same id for people
 * reading the certificate; when present it must agree, so a certificate saying two things is
 * refused rather than read either way.
 */
public final class MemberBinding {
    public static final String MEMBER_URN = "urn:takamul:member:";
    public static final String SUBSYSTEM_URN = "urn:takamul:subsystem:";
    private static final int URI_NAME = 6;

    private MemberBinding() {
    }

    /** The member a member-signing certificate was issued to; refuses any other certificate. */
    public static MemberId memberOf(X509Certificate certificate) {
        String id = single(certificate, MEMBER_URN, "member");
        try {
            return MemberId.parse(id);
        } catch (IdentifierException e) {
            throw new PkiException("certificate " + certificate.getSerialNumber().toString(16)
                    + " carries a malformed member id: " + e.getMessage(), e);
        }
    }

    /** The subsystem a client-tls certificate was issued to; refuses any other certificate. */
    public static SubsystemId subsystemOf(X509Certificate certificate) {
        String id = single(certificate, SUBSYSTEM_URN, "subsystem");
        try {
            return SubsystemId.parse(id);
        } catch (IdentifierException e) {
            throw new PkiException("certificate " + certificate.getSerialNumber().toString(16)
                    + " carries a malformed subsystem id: " + e.getMessage(), e);
        }
    }

    public static boolean isIssuedTo(X509Certificate certificate, MemberId member) {
        return uris(certificate).contains(MEMBER_URN + member);
    }

    private static String single(X509Certificate certificate, String prefix, String what) {
        List<String> ids = new ArrayList<>();
        for (String uri : uris(certificate)) {
            if (uri.startsWith(prefix)) {
                ids.add(uri.substring(prefix.length()));
            }
        }
        String serial = certificate.getSerialNumber().toString(16);
        if (ids.size() != 1) {
            throw new PkiException("certificate " + serial + " must carry exactly one " + prefix
                    + " URI, found " + ids.size());
        }
        Optional<String> subjectSerial = subjectSerialNumber(certificate);
        if (subjectSerial.isPresent() && !subjectSerial.get().equals(ids.get(0))) {
            throw new PkiException("certificate " + serial + " names " + what + " " + ids.get(0)
                    + " in subjectAltName but " + subjectSerial.get() + " in its subject");
        }
        return ids.get(0);
    }

    static List<String> uris(X509Certificate certificate) {
        List<String> uris = new ArrayList<>();
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    if (((Integer) name.get(0)) == URI_NAME) {
                        uris.add((String) name.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new PkiException("unreadable subjectAltName: " + e.getMessage(), e);
        }
        return uris;
    }

    private static Optional<String> subjectSerialNumber(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] rdns = subject.getRDNs(BCStyle.SERIALNUMBER);
        return rdns.length == 0 ? Optional.empty()
                : Optional.of(((ASN1String) rdns[0].getFirst().getValue()).getString());
    }
}
