package ps.takamul.security.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ps.takamul.security.pki.CertificateInfo;
import ps.takamul.security.pki.Keystores;
import ps.takamul.security.pki.Pem;

/** {@code show FILE}: a certificate chain PEM, or a keystore's chain, with profile and expiry. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Shows the certificates in a PEM file or a .p12 keystore: subject, profile, names, expiry.")
final class ShowCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "FILE") Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (X509Certificate certificate : certificates()) {
            CertificateInfo info = CertificateInfo.of(certificate);
            out.println("subject:  " + info.subject());
            out.println("issuer:   " + info.issuer());
            out.println("serial:   " + info.serial());
            out.println("profile:  " + info.profile().map(Object::toString).orElse("-"));
            out.println("names:    " + (info.subjectAltNames().isEmpty() ? "-" : String.join(", ", info.subjectAltNames())));
            out.println("valid:    " + info.notBefore() + " to " + info.notAfter() + " (" + info.status(Clock.systemUTC()) + ")");
            out.println();
        }
        return 0;
    }

    private List<X509Certificate> certificates() {
        if (file.getFileName().toString().endsWith(".p12")) {
            char[] password = TakamulPki.of(spec).password(TakamulPki.KEY_PASSWORD, "keystore", false);
            return List.of(Keystores.chain(Keystores.load(file, password)));
        }
        return Pem.readCertificates(Inputs.read(file));
    }
}
