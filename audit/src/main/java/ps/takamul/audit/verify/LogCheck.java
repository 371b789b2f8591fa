package ps.takamul.audit.verify;

import java.io.IOException;
import java.util.List;
import ps.takamul.audit.bundle.BundleFormat;
import ps.takamul.audit.bundle.Manifest;
import ps.takamul.audit.bundle.Prefix;
import ps.takamul.audit.merkle.CompactRange;
import ps.takamul.audit.merkle.MerkleProofs;
import ps.takamul.audit.store.Checkpoint;

/**
 * An export or archive segment: records [from, to) streamed through the tree, starting from the
 * prefix's compact range, each checkpoint's root compared when the tree reaches its size, and the
 * checkpoint past the end (if any) checked by its consistency proof from the bundle's end.
 */
final class LogCheck {
    private final BundleEntries entries;
    private final Manifest manifest;
    private final List<SignedCheckpoint> checkpoints;
    private final Findings findings;
    private CompactRange start;
    private CompactRange tree;
    private long records;

    /** A checkpoint as read from checkpoints.jsonl, with the consistency proof it may carry. */
    record SignedCheckpoint(Checkpoint checkpoint, List<byte[]> consistency) {
        long size() {
            return checkpoint.treeSize();
        }

        String name() {
            return "checkpoint at tree size " + size();
        }
    }

    LogCheck(BundleEntries entries, Manifest manifest, List<SignedCheckpoint> checkpoints, Findings findings) {
        this.entries = entries;
        this.manifest = manifest;
        this.checkpoints = checkpoints;
        this.findings = findings;
    }

    long records() {
        return records;
    }

    /** The compact range the bundle starts from; null if prefix.json is unusable. */
    CompactRange start() {
        return start;
    }

    /** The compact range at the bundle's last record line; null if prefix.json is unusable. */
    CompactRange end() {
        return tree;
    }

    void run() throws IOException {
        long from = manifest.from();
        long to = manifest.to();
        start = prefix(from);
        tree = start == null ? null : start.copy();
        List<SignedCheckpoint> inside = checkpoints.stream().filter(c -> c.size() > from && c.size() <= to).toList();
        for (SignedCheckpoint c : checkpoints) {
            if (c.size() < from) {
                findings.problem(c.name() + ": before this bundle's first record " + from + ", cannot be checked");
            } else if (c.size() == from && start != null && !RecordAlignment.same(start.root(), c.checkpoint().rootHash())) {
                findings.problem(c.name() + ": root does not match " + BundleFormat.PREFIX);
            }
        }

        Lines recordLines = entries.lines(BundleFormat.RECORDS);
        Lines indexLines = entries.lines(BundleFormat.INDEX);
        if (recordLines == null || indexLines == null) {
            return;
        }
        int[] next = {0};
        try (recordLines; indexLines) {
            RecordAlignment alignment = new RecordAlignment(findings, recordLines, indexLines, from, to, leafHash -> {
                if (tree == null) {
                    return;
                }
                tree.append(leafHash);
                if (next[0] < inside.size() && inside.get(next[0]).size() == tree.size()) {
                    SignedCheckpoint c = inside.get(next[0]++);
                    if (!RecordAlignment.same(tree.root(), c.checkpoint().rootHash())) {
                        findings.problem(c.name() + ": root does not match records 0.." + (c.size() - 1));
                    }
                }
            });
            alignment.run();
            records = alignment.recordLines();
        }
        if (tree == null) {
            return;
        }
        for (int i = next[0]; i < inside.size(); i++) {
            findings.problem(inside.get(i).name() + ": root not checked, the tree from " + BundleFormat.RECORDS
                    + " ends at size " + tree.size());
        }
        long covered = inside.isEmpty() ? from : inside.get(inside.size() - 1).size();
        for (SignedCheckpoint c : checkpoints) {
            if (c.size() > to && consistent(c, to)) {
                covered = to;
            }
        }
        if (covered < to) {
            findings.problem("records " + covered + ".." + (to - 1) + " are not covered by any checkpoint");
        }
    }

    /** A checkpoint past the end, by its consistency proof from the tree at the bundle's end. */
    private boolean consistent(SignedCheckpoint c, long to) {
        if (c.consistency() == null) {
            findings.problem(c.name() + ": past this bundle's last record and has no consistency proof");
            return false;
        }
        if (tree.size() != to || to == 0) {
            findings.problem(c.name() + ": consistency not checked, " + BundleFormat.RECORDS + " does not end at record "
                    + (to - 1));
            return false;
        }
        if (!MerkleProofs.verifyConsistency(to, c.size(), tree.root(), c.checkpoint().rootHash(), c.consistency())) {
            findings.problem(c.name() + ": consistency proof from tree size " + to + " does not verify");
            return false;
        }
        return true;
    }

    /** The compact range of [0, from): empty from record 0, else prefix.json's, checked. */
    private CompactRange prefix(long from) throws IOException {
        if (from == 0 && !entries.has(BundleFormat.PREFIX)) {
            return new CompactRange();
        }
        Prefix prefix = entries.json(BundleFormat.PREFIX, Prefix.class);
        if (prefix == null) {
            return null;
        }
        if (prefix.size() != from) {
            findings.problem(BundleFormat.PREFIX + ": covers " + prefix.size() + " records, the bundle starts at record " + from);
            return null;
        }
        try {
            return prefix.range();
        } catch (IllegalArgumentException e) {
            findings.problem(BundleFormat.PREFIX + ": " + e.getMessage());
            return null;
        }
    }
}
