package ps.takamul.audit.verify;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import ps.takamul.audit.bundle.BundleFormat;
import ps.takamul.audit.merkle.MerkleHash;
import ps.takamul.audit.merkle.MerkleHasher;

/**
 * Reads records.jsonl and index.csv side by side and names what differs: a changed record, a
 * missing one, two swapped, a line that is not a record, the end cut off. index.csv is the list of
 * what should be there (sequence number and leaf hash); the records are hashed as they are. A few
 * lines are read ahead only when the two disagree, so a clean run holds two lines at a time.
 *
 * <p>Every record line, in file order, goes to the {@link Sink}: the tree is built from the
 * records as they are, whatever the index says, so the checkpoint roots judge the records.
 */
final class RecordAlignment {
    /** How far ahead a missing run of records is looked for. */
    private static final int AHEAD = 256;
    private static final int RECENT = 64;

    /** Receives each record line's leaf hash, in file order. */
    interface Sink {
        void record(byte[] leafHash);
    }

    record Entry(long seq, byte[] hash) {
    }

    private record Line(long number, byte[] hash) {
    }

    private final Findings findings;
    private final Lines records;
    private final Lines index;
    private final long from;
    private final long to;
    private final Sink sink;
    private final ArrayDeque<Entry> ahead = new ArrayDeque<>();
    private final ArrayDeque<Line> lines = new ArrayDeque<>();
    private final ArrayDeque<Entry> recent = new ArrayDeque<>();
    private final MerkleHasher hasher = new MerkleHasher();
    private boolean indexEnded;
    private boolean recordsEnded;
    private long lastIndexSeq;
    private long lastSeq;
    private long recordLines;

    RecordAlignment(Findings findings, Lines records, Lines index, long from, long to, Sink sink) {
        this.findings = findings;
        this.records = records;
        this.index = index;
        this.from = from;
        this.to = to;
        this.sink = sink;
        this.lastIndexSeq = from - 1;
        this.lastSeq = from - 1;
    }

    /** How many record lines were read (a line cut short not counted). */
    long recordLines() {
        return recordLines;
    }

    void run() throws IOException {
        while (true) {
            Line r = line(0);
            Entry e = entry(0);
            if (r == null) {
                break;
            }
            if (e == null) {
                extraLines(r);
                break;
            }
            if (same(r.hash, e.hash)) {
                accept(r, e);
                continue;
            }
            if (!findings.saturated() && explained(r, e)) {
                continue;
            }
            findings.problem("record " + e.seq + " (" + BundleFormat.RECORDS + " line " + r.number
                    + ") changed: its leaf hash does not match " + BundleFormat.INDEX);
            accept(r, e);
        }
        while (entry(0) != null) {
            ahead.poll(); // read on, so index.csv's own end is checked
        }
        if (lastSeq < to - 1) {
            findings.problem("bundle truncated: manifest says records up to " + (to - 1) + ", " + BundleFormat.RECORDS
                    + " ends at " + (lastSeq < from ? "its start (no record)" : lastSeq));
        }
        if (lastIndexSeq != to - 1) {
            findings.problem(BundleFormat.INDEX + " ends at record " + lastIndexSeq + ", the manifest says records up to "
                    + (to - 1));
        }
    }

    /** A swap, a missing run, or a line that is no record: true if one of them explains the mismatch. */
    private boolean explained(Line r, Entry e) throws IOException {
        Line r2 = line(1);
        Entry e2 = entry(1);
        if (r2 != null && e2 != null && same(r.hash, e2.hash) && same(r2.hash, e.hash)) {
            findings.problem("records " + e.seq + " and " + e2.seq + " out of order (" + BundleFormat.RECORDS + " lines "
                    + r.number + " and " + r2.number + ")");
            accept(r, e);
            accept(r2, e2);
            return true;
        }
        for (int k = 1; k < AHEAD && entry(k) != null; k++) {
            if (same(r.hash, entry(k).hash)) {
                Entry after = entry(k + 1);
                if (r2 == null || after == null || same(r2.hash, after.hash)) {
                    missing(e.seq, entry(k - 1).seq, BundleFormat.RECORDS);
                    for (int i = 0; i < k; i++) {
                        ahead.poll();
                    }
                    return true;
                }
                break;
            }
        }
        if (r2 != null && same(r2.hash, e.hash)) {
            Entry repeated = null;
            for (Entry seen : recent) {
                if (same(seen.hash, r.hash)) {
                    repeated = seen;
                }
            }
            findings.problem(BundleFormat.RECORDS + " line " + r.number
                    + (repeated != null ? " repeats record " + repeated.seq : " is not in " + BundleFormat.INDEX));
            lines.poll();
            recordLines++;
            sink.record(r.hash);
            return true;
        }
        return false;
    }

    /** Records [first, last] are not in {@code file}, which goes on at last + 1. */
    private void missing(long first, long last, String file) {
        String jump = first == from ? "starts at " + (last + 1) : "jumps from " + (first - 1) + " to " + (last + 1);
        findings.problem((first == last ? "record " + first : "records " + first + ".." + last) + " missing ("
                + file + " " + jump + ")");
    }

    private void extraLines(Line first) throws IOException {
        long count = 0;
        while (line(0) != null) {
            Line r = lines.poll();
            recordLines++;
            sink.record(r.hash);
            count++;
        }
        findings.problem(BundleFormat.RECORDS + " has " + count + " more line" + (count == 1 ? "" : "s") + " than "
                + BundleFormat.INDEX + " (from line " + first.number + ")");
    }

    private void accept(Line r, Entry e) {
        lines.remove(r);
        ahead.remove(e);
        recordLines++;
        lastSeq = e.seq;
        sink.record(r.hash);
        recent.addLast(e);
        if (recent.size() > RECENT) {
            recent.pollFirst();
        }
    }

    /** The record line {@code i} ahead of the current one, reading on as needed; null past the end. */
    private Line line(int i) throws IOException {
        while (lines.size() <= i && !recordsEnded) {
            byte[] leaf = records.nextLeaf(hasher);
            if (leaf == null) {
                recordsEnded = true;
            } else if (records.cut()) {
                findings.problem(BundleFormat.RECORDS + " line " + records.number() + " is cut short (no line end)");
                recordsEnded = true;
            } else {
                lines.addLast(new Line(records.number(), leaf));
            }
        }
        return i < lines.size() ? get(lines, i) : null;
    }

    /** The index entry {@code i} ahead, reading on as needed; unreadable lines are reported and skipped. */
    private Entry entry(int i) throws IOException {
        while (ahead.size() <= i && !indexEnded) {
            byte[] bytes = index.next();
            if (bytes == null) {
                indexEnded = true;
            } else if (index.cut()) {
                findings.problem(BundleFormat.INDEX + " line " + index.number() + " is cut short (no line end)");
                indexEnded = true;
            } else {
                Entry entry = parse(bytes);
                if (entry == null) {
                    findings.problem(BundleFormat.INDEX + " line " + index.number() + " is not SEQ,BASE64-LEAF-HASH");
                } else {
                    checkSequence(entry);
                    ahead.addLast(entry);
                }
            }
        }
        return i < ahead.size() ? get(ahead, i) : null;
    }

    /** index.csv itself must list from, from+1, ...: a gap there is a record deleted with its index line. */
    private void checkSequence(Entry entry) {
        long expected = lastIndexSeq + 1;
        if (entry.seq > expected) {
            missing(expected, entry.seq - 1, BundleFormat.INDEX);
        } else if (entry.seq < expected) {
            findings.problem(BundleFormat.INDEX + " line " + index.number() + ": record " + entry.seq
                    + " out of order (after record " + lastIndexSeq + ")");
        }
        lastIndexSeq = entry.seq;
    }

    /** An index.csv line as (seq, leaf hash); null if it is not one. */
    static Entry parse(byte[] line) {
        int comma = -1;
        for (int i = 0; i < line.length; i++) {
            if (line[i] == ',') {
                comma = i;
                break;
            }
        }
        if (comma < 1) {
            return null;
        }
        try {
            long seq = Long.parseLong(new String(line, 0, comma, StandardCharsets.US_ASCII));
            byte[] hash = Base64.getDecoder().decode(Arrays.copyOfRange(line, comma + 1, line.length));
            return hash.length == MerkleHash.LENGTH ? new Entry(seq, hash) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    private static <T> T get(ArrayDeque<T> deque, int i) {
        if (i == 0) {
            return deque.peekFirst();
        }
        Iterator<T> it = deque.iterator();
        for (int k = 0; k < i; k++) {
            it.next();
        }
        return it.next();
    }
}
