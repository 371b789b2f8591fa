package ps.takamul.security.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ps.takamul.security.pki.CaIndex;
import ps.takamul.security.pki.CertificateInfo;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.pki.Keystores;
import ps.takamul.security.pki.PkiException;

/**
 * {@code list DIR}: in a CA folder, every issued certificate with its status; elsewhere, every
 * keystore in the folder with its certificate's expiry.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the certificates a CA folder issued, or the keystores in a folder, with expiry.")
final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(index = "0", defaultValue = ".", paramLabel = "DIR") Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path index = dir.resolve(InstanceCa.INDEX);
        if (Files.isRegularFile(index)) {
            listIssued(out, CaIndex.read(index));
        } else {
            listKeystores(out);
        }
        return 0;
    }

    private void listIssued(PrintWriter out, CaIndex index) {
        Instant now = Instant.now();
        out.printf("%-34s %-15s %-22s %-12s %s%n", "SERIAL", "PROFILE", "NOT AFTER", "STATUS", "SUBJECT");
        for (CaIndex.Entry entry : index.certificates()) {
            String status = entry.revoked() ? "revoked" : now.isAfter(Instant.parse(entry.notAfter())) ? "expired" : "valid";
            out.printf("%-34s %-15s %-22s %-12s %s%n", entry.serial(), entry.profile(), entry.notAfter(), status,
                    entry.subject());
        }
    }

    private void listKeystores(PrintWriter out) {
        char[] password = TakamulPki.of(spec).password(TakamulPki.KEY_PASSWORD, "keystores", false);
        for (Path keystore : keystores()) {
            X509Certificate leaf = Keystores.chain(Keystores.load(keystore, password))[0];
            CertificateInfo info = CertificateInfo.of(leaf);
            out.printf("%-30s %-15s %-22s %s%n", keystore.getFileName(),
                    info.profile().map(Object::toString).orElse("(not issued)"), info.notAfter(),
                    info.status(Clock.systemUTC()) + "  " + info.subject());
        }
    }

    private List<Path> keystores() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".p12")).sorted().toList();
        } catch (IOException e) {
            throw new PkiException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
