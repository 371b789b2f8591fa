package ps.takamul.security.pki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** Builds the three kinds of certificate the instance PKI signs: root CA, issuing CA, leaf. */
final class Certificates {

    private Certificates() {
    }

    static X500Name caName(String instance, String role) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Takamul")
                .addRDN(BCStyle.CN, instance + " " + role).build();
    }

    static X509Certificate root(X500Name name, KeyPair key, Instant notBefore, Instant notAfter) {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded());
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, Crypto.randomSerial(),
                Date.from(notBefore), Date.from(notAfter), name, spki);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils().createSubjectKeyIdentifier(spki));
        } catch (CertIOException e) {
            throw new PkiException("cannot build the root CA certificate", e);
        }
        return Crypto.toX509(builder.build(Crypto.signer(key.getPrivate())));
    }

    /** pathLen 0: the issuing CA signs end-entity certificates only, never another CA. */
    static X509Certificate issuingCa(X500Name name, SubjectPublicKeyInfo spki, X509Certificate root,
                                     PrivateKey rootKey, Instant notBefore, Instant notAfter) {
        X509v3CertificateBuilder builder = issuedBy(root, name, spki, Crypto.randomSerial(), notBefore, notAfter);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (CertIOException e) {
            throw new PkiException("cannot build the issuing CA certificate", e);
        }
        return Crypto.toX509(builder.build(Crypto.signer(rootKey)));
    }

    static X509Certificate leaf(Profile profile, Identity identity, SubjectPublicKeyInfo spki, BigInteger serial,
                                Instant notBefore, Instant notAfter, X509Certificate issuer, PrivateKey issuerKey,
                                String crlUrl, String ocspUrl) {
        X509v3CertificateBuilder builder = issuedBy(issuer, identity.subject(), spki, serial, notBefore, notAfter);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(profile.keyUsage(AlgorithmAllowList.isRsa(spki))));
            if (!profile.extendedKeyUsages().isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, profile == Profile.TSA,
                        new ExtendedKeyUsage(profile.extendedKeyUsages().toArray(KeyPurposeId[]::new)));
            }
            if (identity.subjectAltNames() != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, identity.subjectAltNames());
            }
            builder.addExtension(Extension.certificatePolicies, false,
                    new CertificatePolicies(new PolicyInformation(profile.policy())));
            if (crlUrl != null) {
                builder.addExtension(Extension.cRLDistributionPoints, false, distributionPoint(crlUrl));
            }
            if (profile == Profile.OCSP) {
                builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
            } else if (ocspUrl != null) {
                builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
            }
        } catch (CertIOException e) {
            throw new PkiException("cannot build the " + profile + " certificate", e);
        }
        return Crypto.toX509(builder.build(Crypto.signer(issuerKey)));
    }

    private static X509v3CertificateBuilder issuedBy(X509Certificate issuer, X500Name subject,
                                                     SubjectPublicKeyInfo spki, BigInteger serial,
                                                     Instant notBefore, Instant notAfter) {
        X500Name issuerName = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuerName, serial,
                Date.from(notBefore), Date.from(notAfter), subject, spki);
        try {
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils().createSubjectKeyIdentifier(spki));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils().createAuthorityKeyIdentifier(issuer.getPublicKey()));
        } catch (CertIOException e) {
            throw new PkiException("cannot set the key identifiers", e);
        }
        return builder;
    }

    private static CRLDistPoint distributionPoint(String url) {
        GeneralNames names = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url));
        return new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(names), null, null)});
    }

    static JcaX509ExtensionUtils utils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (NoSuchAlgorithmException e) {
            throw new PkiException("SHA-1 for key identifiers is unavailable", e);
        }
    }
}
