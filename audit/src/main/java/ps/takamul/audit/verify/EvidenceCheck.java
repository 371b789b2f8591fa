package ps.takamul.audit.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import ps.takamul.audit.bundle.BodyDigests;
import ps.takamul.audit.bundle.BundleFormat;
import ps.takamul.audit.bundle.InclusionLine;
import ps.takamul.audit.bundle.Manifest;
import ps.takamul.audit.bundle.SignatureFiles;
import ps.takamul.audit.merkle.MerkleHash;
import ps.takamul.audit.merkle.MerkleProofs;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.record.AuditRecords;
import ps.takamul.audit.store.Checkpoint;
import ps.takamul.security.pki.Pem;

/**
 * An evidence bundle: the records of one message, each proved to be in the tree a signed
 * checkpoint commits to, with the bodies kept and the signature material. It proves these records
 * are in the log as they are; it cannot prove there is no other record of the message.
 */
final class EvidenceCheck {
    private final BundleEntries entries;
    private final Manifest manifest;
    private final Map<Long, Checkpoint> checkpoints;
    private final Findings findings;
    private final Map<String, String> expectedBodies = new HashMap<>();
    private final Set<String> expectedSignatures = new HashSet<>();
    private long records;

    EvidenceCheck(BundleEntries entries, Manifest manifest, Map<Long, Checkpoint> checkpoints, Findings findings) {
        this.entries = entries;
        this.manifest = manifest;
        this.checkpoints = checkpoints;
        this.findings = findings;
    }

    long records() {
        return records;
    }

    void run() throws IOException {
        Map<Long, InclusionLine> proofs = proofs();
        Lines recordLines = entries.lines(BundleFormat.RECORDS);
        Lines indexLines = entries.lines(BundleFormat.INDEX);
        if (recordLines == null || indexLines == null || proofs == null) {
            return;
        }
        try (recordLines; indexLines) {
            long previous = -1;
            for (byte[] line = recordLines.next(); line != null; line = recordLines.next()) {
                long number = recordLines.number();
                byte[] indexLine = indexLines.next();
                RecordAlignment.Entry entry = indexLine == null ? null : RecordAlignment.parse(indexLine);
                if (entry == null) {
                    findings.problem(BundleFormat.INDEX + " line " + number + (indexLine == null ? " missing"
                            : " is not SEQ,BASE64-LEAF-HASH"));
                    continue;
                }
                records++;
                if (entry.seq() <= previous) {
                    findings.problem("records " + previous + " and " + entry.seq() + " out of order ("
                            + BundleFormat.RECORDS + " lines " + (number - 1) + " and " + number + ")");
                }
                previous = entry.seq();
                record(entry.seq(), number, line, entry.hash(), proofs.get(entry.seq()));
            }
            if (indexLines.next() != null) {
                findings.problem(BundleFormat.INDEX + " has more lines than " + BundleFormat.RECORDS);
            }
        }
        if (records != manifest.records()) {
            findings.problem("bundle truncated: manifest says " + manifest.records() + " records, " + BundleFormat.RECORDS
                    + " has " + records);
        }
        bodies();
        signatures();
    }

    private void record(long seq, long line, byte[] canonical, byte[] indexed, InclusionLine proof) throws IOException {
        byte[] leaf = MerkleHash.leaf(canonical);
        if (!RecordAlignment.same(leaf, indexed)) {
            findings.problem("record " + seq + " (" + BundleFormat.RECORDS + " line " + line
                    + ") changed: its leaf hash does not match " + BundleFormat.INDEX);
        }
        if (proof == null) {
            findings.problem("record " + seq + ": no inclusion proof in " + BundleFormat.PROOFS);
        } else {
            Checkpoint c = checkpoints.get(proof.treeSize());
            if (c == null) {
                findings.problem("record " + seq + ": its proof leads to a checkpoint at tree size " + proof.treeSize()
                        + ", which is not in " + BundleFormat.CHECKPOINTS);
            } else if (!includes(seq, c, leaf, proof)) {
                findings.problem("record " + seq + ": inclusion proof does not lead to the root of the checkpoint at tree size "
                        + c.treeSize());
            }
        }
        AuditRecord record;
        try {
            record = AuditRecords.read(canonical);
        } catch (UncheckedIOException e) {
            findings.problem("record " + seq + " (" + BundleFormat.RECORDS + " line " + line + ") is not an audit record");
            return;
        }
        if (!manifest.messageId().equals(record.messageId())) {
            findings.problem("record " + seq + " is about message " + record.messageId() + ", not " + manifest.messageId());
        }
        body(seq, "request", record.requestDigest());
        body(seq, "response", record.responseDigest());
        MessageSignatures.check(seq, record, findings);
        for (Map.Entry<String, byte[]> file : SignatureFiles.of(seq, record).entrySet()) {
            expectedSignatures.add(file.getKey());
            byte[] kept = entries.bytes(file.getKey());
            if (kept == null) {
                findings.problem(file.getKey() + " missing");
            } else if (!Arrays.equals(kept, file.getValue())) {
                findings.problem(file.getKey() + " differs from record " + seq + "'s evidence");
            } else if (file.getKey().endsWith(".pem")) {
                String who = file.getKey().endsWith("request-signer.pem") ? "request" : "response";
                findings.note("record " + seq + ": " + who + " signed by " + CertificatePaths.subject(
                        Pem.readCertificates(new String(kept, StandardCharsets.US_ASCII)).get(0)));
            }
        }
    }

    private static boolean includes(long seq, Checkpoint c, byte[] leaf, InclusionLine proof) {
        try {
            return MerkleProofs.verifyInclusion(seq, c.treeSize(), leaf, proof.proof(), c.rootHash());
        } catch (IllegalArgumentException e) {
            return false; // a path hash that is not base64
        }
    }

    private void body(long seq, String which, String digest) {
        BodyDigests.sha256(digest).ifPresent(sha256 -> {
            String name = BundleFormat.body(sha256);
            expectedBodies.putIfAbsent(name, "record " + seq + "'s " + which + " body");
            if (!entries.has(name)) {
                findings.note("record " + seq + ": " + which + " body not kept");
            }
        });
    }

    /** Every body must be one a record names, and hash to the digest it is filed under. */
    private void bodies() throws IOException {
        for (String name : entries.under(BundleFormat.BODIES)) {
            String whose = expectedBodies.get(name);
            if (whose == null) {
                findings.problem(name + ": no record names this digest");
                continue;
            }
            String actual = HexFormat.of().formatHex(BodyDigests.sha256Of(entries.bytes(name)));
            if (!name.equals(BundleFormat.BODIES + actual)) {
                findings.problem(name + ": content does not match its digest (" + whose + ")");
            }
        }
    }

    private void signatures() {
        for (String name : entries.under(BundleFormat.SIGNATURES)) {
            if (!expectedSignatures.contains(name) && !name.endsWith("/")) {
                findings.problem(name + ": not from any record's evidence");
            }
        }
    }

    private Map<Long, InclusionLine> proofs() throws IOException {
        Lines lines = entries.lines(BundleFormat.PROOFS);
        if (lines == null) {
            return null;
        }
        Map<Long, InclusionLine> proofs = new HashMap<>();
        try (lines) {
            for (byte[] line = lines.next(); line != null; line = lines.next()) {
                try {
                    InclusionLine proof = BundleFormat.JSON.readValue(line, InclusionLine.class);
                    if (proofs.put(proof.seq(), proof) != null) {
                        findings.problem(BundleFormat.PROOFS + " line " + lines.number() + ": a second proof for record "
                                + proof.seq());
                    }
                } catch (IOException | IllegalArgumentException e) {
                    findings.problem(BundleFormat.PROOFS + " line " + lines.number() + " unreadable");
                }
            }
        }
        return proofs;
    }
}
