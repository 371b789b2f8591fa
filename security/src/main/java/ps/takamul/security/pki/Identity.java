package ps.takamul.security.pki;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.IPAddress;
import ps.takamul.core.identifier.IdentifierException;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.identifier.SubsystemId;

/**
 * Who a certificate is for: a member, a subsystem or a node with its DNS names and IP addresses.
 * The same class builds the subject and subjectAltName of a CSR and of the certificate, so the
 * two always agree.
 */
public record Identity(MemberId member, SubsystemId subsystem, String nodeName,
                       List<String> dnsNames, List<String> ipAddresses) {

    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    public Identity {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        dnsNames.forEach(Identity::requireDnsName);
        ipAddresses.forEach(Identity::requireIpAddress);
    }

    public static Identity member(MemberId member) {
        return new Identity(member, null, null, List.of(), List.of());
    }

    public static Identity subsystem(SubsystemId subsystem) {
        return new Identity(null, subsystem, null, List.of(), List.of());
    }

    public static Identity node(String name, List<String> dnsNames, List<String> ipAddresses) {
        if (name == null || name.isBlank()) {
            throw new PkiException("a node needs a name");
        }
        return new Identity(null, null, name, dnsNames, ipAddresses);
    }

    /** What the CSR asks for: the binding URI or the node's CN and names in its extension request. */
    public static Identity requestedBy(PKCS10CertificationRequest csr) {
        GeneralNames names = requestedNames(csr);
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        MemberId member = null;
        SubsystemId subsystem = null;
        for (GeneralName name : names == null ? new GeneralName[0] : names.getNames()) {
            switch (name.getTagNo()) {
                case GeneralName.dNSName -> dns.add(text(name.getName()));
                case GeneralName.iPAddress -> ips.add(ipText(name));
                case GeneralName.uniformResourceIdentifier -> {
                    String uri = text(name.getName());
                    try {
                        if (uri.startsWith(MemberBinding.MEMBER_URN)) {
                            member = MemberId.parse(uri.substring(MemberBinding.MEMBER_URN.length()));
                        } else if (uri.startsWith(MemberBinding.SUBSYSTEM_URN)) {
                            subsystem = SubsystemId.parse(uri.substring(MemberBinding.SUBSYSTEM_URN.length()));
                        }
                    } catch (IdentifierException e) {
                        throw new PkiException("the CSR asks for a malformed id: " + e.getMessage(), e);
                    }
                }
                default -> {
                    // Other name forms are not part of any profile; the CA does not copy them.
                }
            }
        }
        if (member != null || subsystem != null) {
            return new Identity(member, subsystem, null, List.of(), List.of());
        }
        String cn = commonName(csr.getSubject());
        return cn == null ? null : new Identity(null, null, cn, dns, ips);
    }

    public X500Name subject() {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        if (member != null) {
            builder.addRDN(BCStyle.O, member.memberClass()).addRDN(BCStyle.CN, member.memberCode())
                    .addRDN(BCStyle.SERIALNUMBER, member.toString());
        } else if (subsystem != null) {
            builder.addRDN(BCStyle.O, subsystem.member().memberClass())
                    .addRDN(BCStyle.OU, subsystem.member().memberCode())
                    .addRDN(BCStyle.CN, subsystem.subsystemCode())
                    .addRDN(BCStyle.SERIALNUMBER, subsystem.toString());
        } else {
            builder.addRDN(BCStyle.CN, nodeName);
        }
        return builder.build();
    }

    public GeneralNames subjectAltNames() {
        List<GeneralName> names = new ArrayList<>();
        if (member != null) {
            names.add(new GeneralName(GeneralName.uniformResourceIdentifier, MemberBinding.MEMBER_URN + member));
        } else if (subsystem != null) {
            names.add(new GeneralName(GeneralName.uniformResourceIdentifier, MemberBinding.SUBSYSTEM_URN + subsystem));
        }
        dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
        ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        return names.isEmpty() ? null : new GeneralNames(names.toArray(GeneralName[]::new));
    }

    /** Refuses an identity that does not fit the profile, before anything is signed. */
    void requireFits(Profile profile) {
        switch (profile) {
            case MEMBER_SIGNING -> require(member != null, "member-signing needs a member id (PS/GOV/MOI)");
            case CLIENT_TLS -> require(subsystem != null,
                    "client-tls needs a subsystem id (PS/GOV/MOH/health-records)");
            case NODE_TLS -> require(nodeName != null && (!dnsNames.isEmpty() || !ipAddresses.isEmpty()),
                    "node-tls needs a node name and at least one DNS name or IP address");
            case TSA -> require(nodeName != null, "tsa needs a name (the node that stamps)");
            case OCSP -> require(nodeName != null, "ocsp needs a name (the node that answers)");
        }
    }

    @Override
    public String toString() {
        if (member != null) {
            return "member " + member;
        }
        if (subsystem != null) {
            return "subsystem " + subsystem;
        }
        return "node " + nodeName + " " + dnsNames + " " + ipAddresses;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new PkiException(message);
        }
    }

    private static GeneralNames requestedNames(PKCS10CertificationRequest csr) {
        for (Attribute attribute : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
            Extensions extensions = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
            GeneralNames names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
            if (names != null) {
                return names;
            }
        }
        return null;
    }

    private static String commonName(X500Name subject) {
        RDN[] rdns = subject.getRDNs(BCStyle.CN);
        return rdns.length == 0 ? null : text(rdns[0].getFirst().getValue());
    }

    private static String text(ASN1Encodable value) {
        return ((ASN1String) value).getString();
    }

    private static String ipText(GeneralName name) {
        byte[] bytes = ASN1OctetString.getInstance(name.getName()).getOctets();
        try {
            return java.net.InetAddress.getByAddress(bytes).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new PkiException("the CSR asks for a malformed IP address", e);
        }
    }

    private static void requireDnsName(String name) {
        if (name == null || !DNS_NAME.matcher(name).matches()) {
            throw new PkiException("'" + name + "' is not a valid DNS name");
        }
    }

    private static void requireIpAddress(String address) {
        if (address == null || !IPAddress.isValid(address)) {
            throw new PkiException("'" + address + "' is not a valid IP address");
        }
    }
}
