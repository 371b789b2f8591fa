package ps.takamul.audit.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import ps.takamul.audit.bundle.BundleCheckpoint;
import ps.takamul.audit.bundle.BundleFormat;
import ps.takamul.audit.bundle.Manifest;
import ps.takamul.audit.merkle.CompactRange;
import ps.takamul.audit.store.Checkpoint;

/**
 * Verifies bundles offline, with nothing but the files and, if given, the auditor's trust
 * anchors: every record against its leaf hash in index.csv, every checkpoint's root recomputed
 * from the records (and the prefix), every signature, certificate chain and time-stamp, every
 * inclusion proof and kept body of an evidence bundle. Records are streamed; memory stays flat
 * however long the bundle. Several export or segment bundles are also checked to continue one
 * another, so a sealed archive verifies as one log.
 *
 * <p>It never throws for what is in a bundle: everything wrong becomes a problem line
 * (docs/audit-bundle.md lists them).
 */
public final class BundleVerifier {
    private BundleVerifier() {
    }

    /** One bundle. {@code trustAnchors} may be empty: the bundle's own certificates are then pinned, and the notes say so. */
    public static VerificationReport verify(Path bundle, List<X509Certificate> trustAnchors) {
        return verify(List.of(bundle), trustAnchors);
    }

    /**
     * Several bundles, each verified on its own, and the exports and segments among them, in the
     * order of their first record, checked to continue one another: each one's prefix must be the
     * tree of everything before it. Problems and notes start with the bundle's file name.
     */
    public static VerificationReport verify(List<Path> bundles, List<X509Certificate> trustAnchors) {
        List<X509Certificate> anchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
        boolean several = bundles.size() > 1;
        List<Result> results = new ArrayList<>();
        for (Path bundle : bundles) {
            Findings findings = new Findings(several ? bundle.getFileName() + ": " : "");
            results.add(check(bundle, anchors, findings));
        }
        Findings chain = new Findings("");
        if (several) {
            continuity(results, chain);
        }
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long records = 0;
        int checkpoints = 0;
        for (Result r : results) {
            problems.addAll(r.findings.problems());
            notes.addAll(r.findings.notes());
            records += r.records;
            checkpoints += r.checkpoints;
        }
        problems.addAll(chain.problems());
        notes.addAll(chain.notes());
        return new VerificationReport(records, checkpoints, problems, notes);
    }

    /** What one bundle gave: its counts, and for an export or segment the tree at its start and end. */
    private static final class Result {
        final Path path;
        final Findings findings;
        Manifest manifest;
        long records;
        int checkpoints;
        CompactRange start;
        CompactRange end;

        Result(Path path, Findings findings) {
            this.path = path;
            this.findings = findings;
        }

        String name() {
            return path.getFileName().toString();
        }

        boolean chained() {
            return manifest != null && start != null && end != null && manifest.kindValue() != BundleFormat.Kind.EVIDENCE;
        }
    }

    private static Result check(Path bundle, List<X509Certificate> anchors, Findings findings) {
        Result result = new Result(bundle, findings);
        try (ZipFile zip = new ZipFile(bundle.toFile(), StandardCharsets.UTF_8)) {
            BundleEntries entries = new BundleEntries(zip, findings);
            Manifest manifest = manifest(entries, findings);
            if (manifest == null) {
                return result;
            }
            result.manifest = manifest;
            Map<Long, LogCheck.SignedCheckpoint> checkpoints = checkpoints(entries, findings);
            List<Checkpoint> signed = checkpoints.values().stream().map(LogCheck.SignedCheckpoint::checkpoint).toList();
            CheckpointChecks checks = new CheckpointChecks(findings, manifest.origin(),
                    entries.certificates(BundleFormat.CHECKPOINT_CHAIN), entries.certificates(BundleFormat.TSA_CHAIN), anchors);
            checks.signerChain(signed);
            signed.forEach(checks::check);
            result.checkpoints = signed.size();
            if (manifest.kindValue() == BundleFormat.Kind.EVIDENCE) {
                Map<Long, Checkpoint> bySize = new LinkedHashMap<>();
                signed.forEach(c -> bySize.put(c.treeSize(), c));
                EvidenceCheck evidence = new EvidenceCheck(entries, manifest, bySize, findings);
                evidence.run();
                result.records = evidence.records();
            } else {
                LogCheck log = new LogCheck(entries, manifest, List.copyOf(checkpoints.values()), findings);
                log.run();
                result.records = log.records();
                result.start = log.start();
                result.end = log.end();
            }
        } catch (NoSuchFileException e) {
            findings.problem(bundle + ": no such file");
        } catch (ZipException e) {
            findings.problem(bundle.getFileName() + " is not a readable zip file (" + e.getMessage()
                    + "): damaged or cut short");
        } catch (IOException e) {
            findings.problem(bundle.getFileName() + " cannot be read to the end (" + e.getMessage()
                    + "): damaged or cut short");
        } catch (RuntimeException e) {
            // Whatever a bundle holds, the auditor gets a report, not a stack trace.
            findings.problem(bundle.getFileName() + ": verification stopped by " + e);
        }
        return result;
    }

    private static Manifest manifest(BundleEntries entries, Findings findings) throws IOException {
        Manifest manifest = entries.json(BundleFormat.MANIFEST, Manifest.class);
        if (manifest == null) {
            return null;
        }
        if (!BundleFormat.FORMAT.equals(manifest.format())) {
            findings.problem(BundleFormat.MANIFEST + ": format " + manifest.format() + ", not " + BundleFormat.FORMAT);
            return null;
        }
        try {
            manifest.kindValue();
        } catch (IllegalArgumentException | NullPointerException e) {
            findings.problem(BundleFormat.MANIFEST + ": kind " + manifest.kind() + " is none of export, segment, evidence");
            return null;
        }
        if (manifest.origin() == null || manifest.origin().isBlank()) {
            findings.problem(BundleFormat.MANIFEST + ": no origin");
            return null;
        }
        if (manifest.from() < 0 || manifest.to() < manifest.from()) {
            findings.problem(BundleFormat.MANIFEST + ": from " + manifest.from() + " and to " + manifest.to()
                    + " are not a range of records");
            return null;
        }
        boolean evidence = manifest.kindValue() == BundleFormat.Kind.EVIDENCE;
        if (evidence && manifest.messageId() == null) {
            findings.problem(BundleFormat.MANIFEST + ": an evidence bundle without its message id");
            return null;
        }
        if (!evidence && manifest.records() != manifest.to() - manifest.from()) {
            findings.problem(BundleFormat.MANIFEST + ": " + manifest.records() + " records, but records " + manifest.from()
                    + ".." + (manifest.to() - 1) + " are " + (manifest.to() - manifest.from()));
        }
        return manifest;
    }

    /** checkpoints.jsonl by tree size, ascending as written; a line out of order or unreadable is a problem. */
    private static Map<Long, LogCheck.SignedCheckpoint> checkpoints(BundleEntries entries, Findings findings)
            throws IOException {
        Map<Long, LogCheck.SignedCheckpoint> checkpoints = new LinkedHashMap<>();
        Lines lines = entries.lines(BundleFormat.CHECKPOINTS);
        if (lines == null) {
            return checkpoints;
        }
        long previous = 0;
        try (lines) {
            for (byte[] line = lines.next(); line != null; line = lines.next()) {
                try {
                    BundleCheckpoint c = BundleFormat.JSON.readValue(line, BundleCheckpoint.class);
                    Checkpoint checkpoint = c.checkpoint();
                    if (checkpoint.treeSize() <= previous) {
                        findings.problem(BundleFormat.CHECKPOINTS + " line " + lines.number() + ": tree size "
                                + checkpoint.treeSize() + " is not above the previous line's " + previous);
                        continue;
                    }
                    previous = checkpoint.treeSize();
                    checkpoints.put(checkpoint.treeSize(), new LogCheck.SignedCheckpoint(checkpoint, c.consistencyProof()));
                } catch (IOException | IllegalArgumentException | NullPointerException | DateTimeParseException e) {
                    findings.problem(BundleFormat.CHECKPOINTS + " line " + lines.number() + " unreadable");
                }
            }
        }
        return checkpoints;
    }

    /** Exports and segments, by first record: each must start where the previous ended, on the same tree. */
    private static void continuity(List<Result> results, Findings findings) {
        List<Result> chained = results.stream().filter(Result::chained)
                .sorted(Comparator.comparingLong(r -> r.manifest.from())).toList();
        for (int i = 1; i < chained.size(); i++) {
            Result a = chained.get(i - 1);
            Result b = chained.get(i);
            String link = b.name() + " does not continue " + a.name() + ": ";
            if (!a.manifest.origin().equals(b.manifest.origin())) {
                findings.problem(link + "it is from " + b.manifest.origin() + ", " + a.name() + " from " + a.manifest.origin());
            } else if (b.manifest.from() != a.end.size()) {
                findings.problem(link + a.name() + " ends at record " + (a.end.size() - 1) + ", " + b.name()
                        + " starts at record " + b.manifest.from());
            } else if (!b.start.sameAs(a.end)) {
                findings.problem(link + "its prefix is not the tree of " + a.name() + "'s records 0.." + (a.end.size() - 1));
            } else {
                findings.note(b.name() + " continues " + a.name() + ": records 0.." + (b.end.size() - 1) + " form one tree");
            }
        }
    }
}
