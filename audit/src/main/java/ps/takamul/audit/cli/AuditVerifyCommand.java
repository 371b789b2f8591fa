package ps.takamul.audit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ps.takamul.audit.verify.BundleVerifier;
import ps.takamul.audit.verify.VerificationReport;
import ps.takamul.security.pki.Pem;
import ps.takamul.security.pki.PkiException;

/**
 * {@code takamul audit verify BUNDLE... [--trust PEM]}: verifies audit bundles offline and prints
 * one summary line, then each problem, then the notes. Exit 0 when everything verified, 1 when
 * something did not, 2 for a usage error.
 */
@Command(name = "takamul audit verify", mixinStandardHelpOptions = true, version = "takamul audit verify 0.1.0",
        description = {"Verifies Takamul audit bundles (exports, archive segments, evidence packages) offline: "
                + "every record against index.csv, every checkpoint root recomputed from the records, every "
                + "signature, certificate chain and RFC 3161 time-stamp, evidence proofs and kept bodies.",
                "Several exports or segments are also checked to continue one another."},
        footer = {"", "Exit status: 0 verified, 1 problems found, 2 usage error.",
                "Without --trust the bundle's own certificates are pinned: compare the SHA-256 fingerprints",
                "in the notes with the ones the node's operator published."})
public final class AuditVerifyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "BUNDLE", description = "bundle zip files")
    List<Path> bundles;

    @Option(names = "--trust", paramLabel = "PEM",
            description = "trust anchors (e.g. the instance root CA), PEM; may be given more than once")
    List<Path> trust = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "print the summary and problems, not the notes")
    boolean quiet;

    /** The command line to run with {@code execute(args)}, the arguments after {@code audit verify}. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new AuditVerifyCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof PkiException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return commandLine;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Override
    public Integer call() {
        List<X509Certificate> anchors = new ArrayList<>();
        for (Path file : trust) {
            anchors.addAll(Pem.readCertificates(file));
        }
        long start = System.nanoTime();
        VerificationReport report = BundleVerifier.verify(bundles, anchors);
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.println(summary(report, seconds));
        report.problems().forEach(out::println);
        if (!quiet) {
            report.notes().forEach(n -> out.println("note: " + n));
        }
        out.flush();
        return report.ok() ? 0 : 1;
    }

    static String summary(VerificationReport report, double seconds) {
        if (!report.ok()) {
            int n = report.problems().size();
            return "FAILED: " + n + " problem" + (n == 1 ? "" : "s");
        }
        long untimestamped = report.notTimestamped();
        String what = untimestamped == 0 ? "signatures and timestamps verified"
                : "signatures verified, " + untimestamped + " of them not timestamped";
        String rate = seconds > 0 && report.records() > 0
                ? String.format(Locale.ROOT, " (%,d records/s)", Math.round(report.records() / seconds)) : "";
        return String.format(Locale.ROOT, "OK: %d records, %d checkpoints, %s%s", report.records(), report.checkpoints(),
                what, rate);
    }
}
