package ps.takamul.audit.bundle;

import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import ps.takamul.audit.AuditLog;
import ps.takamul.audit.merkle.CompactRange;
import ps.takamul.audit.merkle.LeafHashes;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.store.AuditPage;
import ps.takamul.audit.store.AuditQuery;
import ps.takamul.audit.store.Checkpoint;
import ps.takamul.audit.store.StoredRecord;

/**
 * Writes bundles out of a node's log for auditors and the archive (docs/audit-bundle.md): a run of
 * records with what it takes to verify it offline, or every record of one message with its
 * inclusion proofs. Records are read a page at a time and written as read, so an export's memory
 * does not grow with its length.
 */
public final class Exporter {
    static final int PAGE = 1000;

    private final AuditLog log;
    private final String origin;
    private final List<X509Certificate> checkpointChain;
    private final List<X509Certificate> tsaChain;

    /**
     * @param origin          the node id the checkpoint notes name
     * @param checkpointChain the audit key's certificate, then its issuers
     * @param tsaChain        the time-stamping authority's certificate, then its issuers; empty if none
     */
    public Exporter(AuditLog log, String origin, List<X509Certificate> checkpointChain, List<X509Certificate> tsaChain) {
        this.log = log;
        this.origin = origin;
        this.checkpointChain = List.copyOf(checkpointChain);
        this.tsaChain = tsaChain == null ? List.of() : List.copyOf(tsaChain);
    }

    /**
     * Records [from, to) as an export bundle. If no checkpoint covers record {@code to - 1} yet, one
     * is made first, so the whole bundle ends under a signature.
     *
     * @throws IllegalArgumentException if the range is not within the log
     * @throws IllegalStateException    if some of the records are archived (the archive's segment file is their bundle)
     */
    public void export(long from, long to, OutputStream out) {
        run(BundleFormat.Kind.EXPORT, from, to, out);
    }

    /** Records [from, to) as an archive segment: an export in all but name, chained to its neighbours. */
    public void segment(long from, long to, OutputStream out) {
        run(BundleFormat.Kind.SEGMENT, from, to, out);
    }

    private void run(BundleFormat.Kind kind, long from, long to, OutputStream out) {
        long size = log.size();
        if (from < 0 || from > to || to > size) {
            throw new IllegalArgumentException("records [" + from + ", " + to + ") are not within the log's " + size);
        }
        // Checked before the first byte is written: an archived record would otherwise cut the bundle short.
        log.store().segments().stream().filter(s -> s.from() < to && s.to() > from).findFirst().ifPresent(s -> {
            throw new IllegalStateException("records [" + from + ", " + to + ") are not all in the database: " + s
                    + " holds some; verify that file, or export what follows it");
        });
        List<BundleCheckpoint> checkpoints = covering(from, to);
        try (BundleWriter bundle = new BundleWriter(out)) {
            bundle.manifest(Manifest.of(kind, origin, from, to, to - from, log.clock().instant(), null));
            bundle.prefix(CompactRange.of(log.tree(), from));
            bundle.records(records(from, to));
            bundle.index(from, leafHashes(from, to));
            bundle.checkpoints(checkpoints);
            certificates(bundle);
        }
    }

    /**
     * The checkpoints whose sizes fall in [from, to], and, unless one is at {@code to} exactly, the
     * first one past it with the consistency proof from {@code to}: the bundle's last records are
     * then under a signature without the records that follow them.
     */
    private List<BundleCheckpoint> covering(long from, long to) {
        List<BundleCheckpoint> selected = new ArrayList<>();
        if (to == 0) {
            return selected;
        }
        List<Checkpoint> all = log.store().checkpoints();
        if (all.isEmpty() || all.get(all.size() - 1).treeSize() < to) {
            log.checkpoint();
            all = log.store().checkpoints();
        }
        for (Checkpoint c : all) {
            if (c.treeSize() >= from && c.treeSize() <= to) {
                selected.add(BundleCheckpoint.of(c, null));
            } else if (c.treeSize() > to) {
                if (selected.isEmpty() || selected.get(selected.size() - 1).size() != to) {
                    selected.add(BundleCheckpoint.of(c, log.consistency(to, c.treeSize())));
                }
                break;
            }
        }
        return selected;
    }

    /**
     * Every record of one message (both legs, refusals, log readings about it), each with the proof
     * that it is in the tree of the first checkpoint covering it, those checkpoints, the
     * certificates, the bodies kept, and the signature material of each record in files of its own.
     *
     * @throws NoSuchElementException if no record in the log has that message id
     */
    public void evidence(String messageId, OutputStream out) {
        List<StoredRecord> records = recordsOf(messageId);
        if (records.isEmpty()) {
            throw new NoSuchElementException("no audit record has message id " + messageId);
        }
        Map<Long, Checkpoint> checkpoints = new LinkedHashMap<>();
        List<InclusionLine> proofs = new ArrayList<>();
        for (StoredRecord record : records) {
            Checkpoint c = log.checkpointCovering(record.sequence());
            checkpoints.putIfAbsent(c.treeSize(), c);
            proofs.add(InclusionLine.of(record.sequence(), c.treeSize(),
                    log.tree().inclusionProof(record.sequence(), c.treeSize())));
        }
        long from = records.get(0).sequence();
        long to = records.get(records.size() - 1).sequence() + 1;
        LeafHashes leaves = log.store().leaves();
        try (BundleWriter bundle = new BundleWriter(out)) {
            bundle.manifest(Manifest.of(BundleFormat.Kind.EVIDENCE, origin, from, to, records.size(),
                    log.clock().instant(), messageId));
            bundle.records(records.stream().map(StoredRecord::canonical).iterator());
            bundle.indexLines(records.stream()
                    .map(r -> new BundleWriter.IndexLine(r.sequence(), leaves.leafHash(r.sequence()))).iterator());
            bundle.proofs(proofs);
            bundle.checkpoints(checkpoints.values().stream().map(c -> BundleCheckpoint.of(c, null)).toList());
            certificates(bundle);
            Set<String> bodies = new HashSet<>();
            for (StoredRecord record : records) {
                AuditRecord r = record.record();
                body(bundle, r.requestDigest(), bodies);
                body(bundle, r.responseDigest(), bodies);
                SignatureFiles.of(record.sequence(), r).forEach(bundle::file);
            }
        }
    }

    private List<StoredRecord> recordsOf(String messageId) {
        List<StoredRecord> records = new ArrayList<>();
        AuditQuery query = AuditQuery.all().messageId(messageId).order(AuditQuery.Order.OLDEST_FIRST).limit(AuditQuery.MAX_LIMIT);
        for (Long after = null; ; ) {
            AuditPage page = log.store().search(query.after(after));
            records.addAll(page.records());
            if (page.next() == null) {
                return records;
            }
            after = page.next();
        }
    }

    /** A kept body, once per bundle however many records name it. */
    private void body(BundleWriter bundle, String digest, Set<String> written) {
        Optional<byte[]> sha256 = BodyDigests.sha256(digest);
        if (sha256.isEmpty()) {
            return;
        }
        String name = BundleFormat.body(sha256.get());
        if (!written.contains(name)) {
            log.store().body(digest).ifPresent(content -> {
                bundle.file(name, content);
                written.add(name);
            });
        }
    }

    private void certificates(BundleWriter bundle) {
        bundle.certificates(BundleFormat.CHECKPOINT_CHAIN, checkpointChain);
        bundle.certificates(BundleFormat.TSA_CHAIN, tsaChain);
    }

    /** The leaf hashes as the store keeps them, apart from the records: index.csv is a second witness. */
    private Iterator<byte[]> leafHashes(long from, long to) {
        return bySequence(from, to, log.store().leaves()::leafHash);
    }

    /** The records [from, to), read a page at a time; a record missing from the database stops the export. */
    private Iterator<byte[]> records(long from, long to) {
        return bySequence(from, to, new Object() {
            Iterator<StoredRecord> page = Collections.emptyIterator();

            byte[] canonical(long seq) {
                if (!page.hasNext()) {
                    page = log.store().read(seq, Math.min(to, seq + PAGE)).iterator();
                }
                StoredRecord record = page.hasNext() ? page.next() : null;
                if (record == null || record.sequence() != seq) {
                    String where = log.store().archivedIn(seq).map(s -> ": it is in " + s).orElse("");
                    throw new IllegalStateException("record " + seq + " is not in the database" + where);
                }
                return record.canonical();
            }
        }::canonical);
    }

    /** What {@code at} gives for from, from + 1, ... to - 1, asked for one at a time. */
    private static Iterator<byte[]> bySequence(long from, long to, LongFunction<byte[]> at) {
        return new Iterator<>() {
            long next = from;

            @Override
            public boolean hasNext() {
                return next < to;
            }

            @Override
            public byte[] next() {
                if (next >= to) {
                    throw new NoSuchElementException();
                }
                return at.apply(next++);
            }
        };
    }
}
