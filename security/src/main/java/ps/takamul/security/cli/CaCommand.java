package ps.takamul.security.cli;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.identifier.SubsystemId;
import ps.takamul.security.pki.CaIndex;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.Names;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.pki.IssueRequest;
import ps.takamul.security.pki.Pem;
import ps.takamul.security.pki.PkiException;
import ps.takamul.security.pki.Profile;
import ps.takamul.security.pki.RevocationReason;

/** {@code ca init|issue|revoke|crl}: the CA operator's commands. */
@Command(name = "ca", description = "Instance CA: create it, issue certificates, revoke, publish CRLs.",
        mixinStandardHelpOptions = true,
        subcommands = {CaCommand.Init.class, CaCommand.Issue.class, CaCommand.Revoke.class, CaCommand.Crl.class})
final class CaCommand {

    /** The CA folder option every subcommand shares. */
    static final class CaDir {
        @Option(names = "--ca", paramLabel = "DIR", defaultValue = "ca", description = "CA folder (default: ${DEFAULT-VALUE})")
        Path dir;
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Creates the offline root CA and the issuing CA in an empty folder.")
    static final class Init implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin CaDir ca;
        @Option(names = "--instance", required = true, description = "instance code, e.g. PS") String instance;
        @Option(names = "--validity-days", defaultValue = "3650", description = "CA validity (default: ${DEFAULT-VALUE})")
        long validityDays;
        @Option(names = "--crl-url", description = "CRL distribution point written into issued certificates")
        String crlUrl;
        @Option(names = "--ocsp-url", description = "OCSP responder written into issued end-entity certificates (AIA)")
        String ocspUrl;

        @Override
        public Integer call() {
            char[] password = TakamulPki.of(spec).password(TakamulPki.CA_PASSWORD, "CA keystore", true);
            InstanceCa created = InstanceCa.init(ca.dir, instance, Duration.ofDays(validityDays), password, crlUrl,
                    ocspUrl);
            var out = spec.commandLine().getOut();
            out.println("root CA:    " + Names.display(created.root().getSubjectX500Principal())
                    + ", until " + created.root().getNotAfter().toInstant());
            out.println("issuing CA: " + Names.display(created.issuing().getSubjectX500Principal()));
            out.println("Move " + ca.dir.resolve(InstanceCa.ROOT_KEYSTORE) + " offline; distribute "
                    + ca.dir.resolve(InstanceCa.ROOT_CERTIFICATE) + " as the trust anchor.");
            return 0;
        }
    }

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Signs a PKCS#10 request under a profile; writes the certificate and issuing CA as a PEM chain.")
    static final class Issue implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin CaDir ca;
        @Option(names = "--csr", required = true, paramLabel = "FILE") Path csr;
        @Option(names = "--profile", required = true, description = "member-signing, node-tls, client-tls, tsa or ocsp")
        String profile;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "chain PEM to write") Path out;
        @Option(names = "--validity-days", defaultValue = "365", description = "(default: ${DEFAULT-VALUE})")
        long validityDays;
        @Option(names = "--member", description = "member id the CSR must be for, e.g. PS/GOV/MOI") String member;
        @Option(names = "--subsystem", description = "subsystem id the CSR must be for") String subsystem;
        @Option(names = "--dns", split = ",", description = "node DNS names (replace the CSR's)") List<String> dns;
        @Option(names = "--ip", split = ",", description = "node IP addresses (replace the CSR's)") List<String> ips;

        @Override
        public Integer call() {
            char[] password = TakamulPki.of(spec).password(TakamulPki.CA_PASSWORD, "issuing CA", false);
            InstanceCa instanceCa = InstanceCa.open(ca.dir, password);
            PKCS10CertificationRequest request = Pem.readCsr(Inputs.read(csr));
            IssueRequest issue = IssueRequest.of(Profile.of(profile), Duration.ofDays(validityDays))
                    .forIdentity(givenIdentity(request));
            X509Certificate certificate = instanceCa.issue(request, issue);
            Pem.write(out, certificate, instanceCa.issuing());
            spec.commandLine().getOut().println("issued " + InstanceCa.hex(certificate.getSerialNumber()) + " "
                    + Names.display(certificate.getSubjectX500Principal()) + ", until "
                    + certificate.getNotAfter().toInstant() + " -> " + out);
            return 0;
        }

        private Identity givenIdentity(PKCS10CertificationRequest request) {
            if (member != null) {
                return Identity.member(MemberId.parse(member));
            }
            if (subsystem != null) {
                return Identity.subsystem(SubsystemId.parse(subsystem));
            }
            if (dns == null && ips == null) {
                return null;
            }
            List<String> names = dns == null ? List.of() : dns;
            Identity requested = Identity.requestedBy(request);
            String name = requested != null && requested.nodeName() != null ? requested.nodeName()
                    : names.isEmpty() ? null : names.get(0);
            return Identity.node(name, names, ips == null ? List.of() : ips);
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes an issued certificate.")
    static final class Revoke implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin CaDir ca;
        @Option(names = "--serial", required = true, description = "hexadecimal serial number") String serial;
        @Option(names = "--reason", defaultValue = "unspecified",
                description = "unspecified, key-compromise, ca-compromise, affiliation-changed, superseded, "
                        + "cessation-of-operation, privilege-withdrawn (default: ${DEFAULT-VALUE})")
        String reason;

        @Override
        public Integer call() {
            char[] password = TakamulPki.of(spec).password(TakamulPki.CA_PASSWORD, "issuing CA", false);
            BigInteger number;
            try {
                number = new BigInteger(serial.replace(":", ""), 16);
            } catch (NumberFormatException e) {
                throw new PkiException("'" + serial + "' is not a hexadecimal serial number");
            }
            CaIndex.Entry entry = InstanceCa.open(ca.dir, password).revoke(number, RevocationReason.of(reason));
            spec.commandLine().getOut().println("revoked " + entry.serial() + " (" + entry.reason()
                    + "); publish a new CRL with 'ca crl'");
            return 0;
        }
    }

    @Command(name = "crl", mixinStandardHelpOptions = true,
            description = "Publishes a CRL signed by the issuing CA as BASE.pem and DER BASE.crl.")
    static final class Crl implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin CaDir ca;
        @Option(names = "--out", required = true, paramLabel = "BASE") Path out;
        @Option(names = "--next-update-hours", defaultValue = "168", description = "(default: ${DEFAULT-VALUE})")
        long nextUpdateHours;

        @Override
        public Integer call() {
            char[] password = TakamulPki.of(spec).password(TakamulPki.CA_PASSWORD, "issuing CA", false);
            X509CRL crl = InstanceCa.open(ca.dir, password).crl(Duration.ofHours(nextUpdateHours));
            InstanceCa.writeCrl(crl, out);
            spec.commandLine().getOut().println("CRL with " + (crl.getRevokedCertificates() == null ? 0
                    : crl.getRevokedCertificates().size()) + " revocations, next update "
                    + crl.getNextUpdate().toInstant() + " -> " + out + ".pem, " + out + ".crl");
            return 0;
        }
    }
}
