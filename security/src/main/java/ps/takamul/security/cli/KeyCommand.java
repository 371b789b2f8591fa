package ps.takamul.security.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.identifier.SubsystemId;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.Names;
import ps.takamul.security.pki.KeyRequests;
import ps.takamul.security.pki.Pem;
import ps.takamul.security.pki.Profile;

/** {@code key new|import}: the member's or node's side, run where the key will live. */
@Command(name = "key", description = "Member or node keys: create a key and CSR, import the issued chain.",
        mixinStandardHelpOptions = true, subcommands = {KeyCommand.New.class, KeyCommand.Import.class})
final class KeyCommand {

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = "Creates an EC P-256 key in PROFILE.p12 and its request PROFILE.csr.pem in the output folder.")
    static final class New implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--profile", required = true, description = "member-signing, node-tls, client-tls, tsa or ocsp")
        String profile;
        @ArgGroup(exclusive = true, multiplicity = "1") Subject subject;
        @Option(names = "--dns", split = ",", description = "node DNS names") List<String> dns;
        @Option(names = "--ip", split = ",", description = "node IP addresses") List<String> ips;
        @Option(names = "--out", required = true, paramLabel = "DIR") Path out;

        static final class Subject {
            @Option(names = "--member", description = "member id, e.g. PS/GOV/MOI") String member;
            @Option(names = "--subsystem", description = "subsystem id, e.g. PS/GOV/MOH/health-records")
            String subsystem;
            @Option(names = "--node", description = "node name (its certificate's CN)") String node;
        }

        @Override
        public Integer call() {
            Identity identity = subject.member != null ? Identity.member(MemberId.parse(subject.member))
                    : subject.subsystem != null ? Identity.subsystem(SubsystemId.parse(subject.subsystem))
                    : Identity.node(subject.node, dns == null ? List.of() : dns, ips == null ? List.of() : ips);
            char[] password = TakamulPki.of(spec).password(TakamulPki.KEY_PASSWORD, "new keystore", true);
            KeyRequests.KeyRequest request = KeyRequests.create(Profile.of(profile), identity, out, password);
            spec.commandLine().getOut().println("key:     " + request.keystore());
            spec.commandLine().getOut().println("request: " + request.csrFile() + " (send it to the CA)");
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Puts the issued chain (leaf first) into the keystore holding its key.")
    static final class Import implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--keystore", required = true, paramLabel = "FILE") Path keystore;
        @Option(names = "--cert", required = true, paramLabel = "FILE", description = "chain PEM from 'ca issue'")
        Path cert;

        @Override
        public Integer call() {
            char[] password = TakamulPki.of(spec).password(TakamulPki.KEY_PASSWORD, "keystore", false);
            X509Certificate leaf = KeyRequests.importChain(keystore, Pem.readCertificates(Inputs.read(cert)), password);
            spec.commandLine().getOut().println("imported " + Names.display(leaf.getSubjectX500Principal())
                    + ", until " + leaf.getNotAfter().toInstant() + " into " + keystore);
            return 0;
        }
    }
}
