package ps.takamul.security.pki;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * What a certificate is for. Each profile fixes its key usages, extended key usages and
 * certificate policy, so an operator chooses a purpose, never individual extensions.
 *
 * <p>The policy OIDs sit under {@value #POLICY_ARC}, a PLACEHOLDER private arc: an instance must
 * replace it with an arc under its own registered enterprise number before production use.
 */
public enum Profile {
    /** A member's message-signing key: signatures that must hold up later, hence nonRepudiation. */
    MEMBER_SIGNING("member-signing", 1, KeyUsage.digitalSignature | KeyUsage.nonRepudiation),
    /** A node's TLS key: it is the server to clients and the client to other nodes. */
    NODE_TLS("node-tls", 2, KeyUsage.digitalSignature,
            KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth),
    /** A client system's TLS key, authenticating one subsystem to its node. */
    CLIENT_TLS("client-tls", 3, KeyUsage.digitalSignature, KeyPurposeId.id_kp_clientAuth),
    /** The hub's RFC 3161 timestamping key; RFC 3161 wants timeStamping as its only, critical EKU. */
    TSA("tsa", 4, KeyUsage.digitalSignature | KeyUsage.nonRepudiation, KeyPurposeId.id_kp_timeStamping),
    /**
     * The hub's delegated OCSP responder key (RFC 6960 section 4.2.2.2): id-kp-OCSPSigning, issued by
     * the CA whose certificates it answers for, with id-pkix-ocsp-nocheck so clients do not ask
     * about the responder's own status; keep it short-lived, since nobody can revoke it.
     */
    OCSP("ocsp", 5, KeyUsage.digitalSignature, KeyPurposeId.id_kp_OCSPSigning);

    public static final String POLICY_ARC = "1.3.6.1.4.1.99999.1";

    private final String label;
    private final ASN1ObjectIdentifier policy;
    private final int keyUsage;
    private final List<KeyPurposeId> extendedKeyUsages;

    Profile(String label, int policyNumber, int keyUsage, KeyPurposeId... extendedKeyUsages) {
        this.label = label;
        this.policy = new ASN1ObjectIdentifier(POLICY_ARC + "." + policyNumber);
        this.keyUsage = keyUsage;
        this.extendedKeyUsages = List.of(extendedKeyUsages);
    }

    public static Profile of(String label) {
        return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst()
                .orElseThrow(() -> new PkiException("unknown profile '" + label + "'; expected one of "
                        + Arrays.stream(values()).map(Profile::label).collect(Collectors.joining(", "))));
    }

    public static Optional<Profile> ofPolicy(String policyOid) {
        return Arrays.stream(values()).filter(p -> p.policy.getId().equals(policyOid)).findFirst();
    }

    public String label() {
        return label;
    }

    public ASN1ObjectIdentifier policy() {
        return policy;
    }

    /**
     * The key usage bits for a subject key. A TLS certificate for an RSA key also gets
     * keyEncipherment (RSA key transport in TLS 1.2); for EC keys RFC 5480 does not allow it.
     */
    public int keyUsage(boolean rsaKey) {
        return this == NODE_TLS && rsaKey ? keyUsage | KeyUsage.keyEncipherment : keyUsage;
    }

    public List<KeyPurposeId> extendedKeyUsages() {
        return extendedKeyUsages;
    }

    @Override
    public String toString() {
        return label;
    }
}
