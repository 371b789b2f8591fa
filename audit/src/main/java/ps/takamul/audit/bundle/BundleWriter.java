package ps.takamul.audit.bundle;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import ps.takamul.audit.merkle.CompactRange;
import ps.takamul.security.pki.Pem;

/**
 * Writes a bundle's entries one after the other into a zip stream, never holding more than one
 * record: records and leaf hashes come from iterators, so a million-record segment costs the
 * same memory as ten. The caller's stream is finished as a zip but left open.
 */
public final class BundleWriter implements AutoCloseable {
    private static final byte LF = '\n';
    private final ZipOutputStream zip;
    private boolean finished;

    public BundleWriter(OutputStream out) {
        this.zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        }, StandardCharsets.UTF_8);
        // Records deflate about fivefold even at the fastest level; the higher levels cost far more
        // time than they save space.
        zip.setLevel(Deflater.BEST_SPEED);
    }

    public void manifest(Manifest manifest) {
        json(BundleFormat.MANIFEST, manifest);
    }

    public void prefix(CompactRange prefix) {
        json(BundleFormat.PREFIX, Prefix.of(prefix));
    }

    /** records.jsonl: each record's canonical bytes, then LF. Returns how many were written. */
    public long records(Iterator<byte[]> canonical) {
        return entry(BundleFormat.RECORDS, out -> {
            long n = 0;
            while (canonical.hasNext()) {
                byte[] record = canonical.next();
                for (byte b : record) {
                    if (b == LF) {
                        throw new IllegalStateException("a canonical record holds a line end; it would break records.jsonl");
                    }
                }
                out.write(record);
                out.write(LF);
                n++;
            }
            return n;
        });
    }

    /** index.csv: {@code seq,base64 leaf hash} per line, sequence numbers from {@code from} on. */
    public long index(long from, Iterator<byte[]> leafHashes) {
        return indexLines(new Iterator<>() {
            long seq = from;

            @Override
            public boolean hasNext() {
                return leafHashes.hasNext();
            }

            @Override
            public IndexLine next() {
                return new IndexLine(seq++, leafHashes.next());
            }
        });
    }

    /** index.csv for records that are not contiguous (evidence). */
    public long indexLines(Iterator<IndexLine> lines) {
        Base64.Encoder b64 = Base64.getEncoder();
        return entry(BundleFormat.INDEX, out -> {
            long n = 0;
            while (lines.hasNext()) {
                IndexLine line = lines.next();
                out.write((line.seq() + "," + b64.encodeToString(line.leafHash()) + "\n").getBytes(StandardCharsets.US_ASCII));
                n++;
            }
            return n;
        });
    }

    public void checkpoints(List<BundleCheckpoint> checkpoints) {
        jsonLines(BundleFormat.CHECKPOINTS, checkpoints);
    }

    public void proofs(List<InclusionLine> proofs) {
        jsonLines(BundleFormat.PROOFS, proofs);
    }

    /** A PEM file of certificates; nothing is written for an empty list. */
    public void certificates(String name, List<X509Certificate> chain) {
        if (chain != null && !chain.isEmpty()) {
            file(name, Pem.encode(chain.toArray()).getBytes(StandardCharsets.US_ASCII));
        }
    }

    public void file(String name, byte[] content) {
        entry(name, out -> {
            out.write(content);
            return 0L;
        });
    }

    /** A line of index.csv. */
    public record IndexLine(long seq, byte[] leafHash) {
    }

    private void json(String name, Object value) {
        entry(name, out -> {
            out.write(BundleFormat.JSON.writeValueAsBytes(value));
            out.write(LF);
            return 0L;
        });
    }

    private void jsonLines(String name, List<?> values) {
        entry(name, out -> {
            for (Object value : values) {
                out.write(BundleFormat.JSON.writeValueAsBytes(value));
                out.write(LF);
            }
            return (long) values.size();
        });
    }

    private interface EntryContent {
        long write(OutputStream out) throws IOException;
    }

    private long entry(String name, EntryContent content) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            // Small writes (a record, a line end) go through one buffer rather than into the deflater each.
            BufferedOutputStream out = new BufferedOutputStream(new FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    zip.write(b, off, len);
                }
            }, 1 << 16);
            long n = content.write(out);
            out.flush();
            zip.closeEntry();
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " into the bundle: " + e.getMessage(), e);
        }
    }

    /** Writes the zip's directory; the caller's stream stays open. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the bundle: " + e.getMessage(), e);
        }
    }
}
