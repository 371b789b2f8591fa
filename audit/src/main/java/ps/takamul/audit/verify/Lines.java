package ps.takamul.audit.verify;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import ps.takamul.audit.merkle.MerkleHasher;

/**
 * The LF-ended lines of a stream: as bytes, or hashed as Merkle leaves where they lie in the read
 * buffer, never decoded. A last line without its LF is told apart, since a writer always ends
 * every line.
 */
final class Lines implements AutoCloseable {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long number;
    private boolean cut;

    Lines(InputStream in) {
        this.in = in;
    }

    /** The next line without its LF, or null at the end; a cut last line is returned too, see {@link #cut()}. */
    byte[] next() throws IOException {
        byte[] line = new byte[0];
        boolean started = false;
        while (true) {
            if (position == limit && !fill()) {
                return started ? ended(line, true) : null;
            }
            started = true;
            int end = lineEnd();
            int length = end - position;
            if (line.length == 0 && end < limit) {
                byte[] whole = Arrays.copyOfRange(buffer, position, end);
                position = end + 1;
                return ended(whole, false);
            }
            int had = line.length;
            line = Arrays.copyOf(line, had + length);
            System.arraycopy(buffer, position, line, had, length);
            if (end < limit) {
                position = end + 1;
                return ended(line, false);
            }
            position = limit;
        }
    }

    /** The Merkle leaf hash of the next line (its bytes without the LF), or null at the end. */
    byte[] nextLeaf(MerkleHasher hasher) throws IOException {
        boolean started = false;
        while (true) {
            if (position == limit && !fill()) {
                return started ? ended(hasher.finishLeaf(), true) : null;
            }
            if (!started) {
                hasher.startLeaf();
                started = true;
            }
            int end = lineEnd();
            hasher.update(buffer, position, end - position);
            if (end < limit) {
                position = end + 1;
                return ended(hasher.finishLeaf(), false);
            }
            position = limit;
        }
    }

    /** The 1-based number of the line last returned. */
    long number() {
        return number;
    }

    /** Whether the last line returned had no LF: the entry was cut short there. */
    boolean cut() {
        return cut;
    }

    private <T> T ended(T line, boolean withoutLf) {
        number++;
        cut = withoutLf;
        return line;
    }

    /**
     * Where the current line ends in the buffer: its LF, or the buffer's limit. Eight bytes at a
     * time (a zero byte of {@code word ^ LFs} marks an LF; the lowest one found is exact), since
     * finding line ends otherwise costs as much as hashing the records.
     */
    private int lineEnd() {
        int i = position;
        for (; i + Long.BYTES <= limit; i += Long.BYTES) {
            long x = (long) LONGS.get(buffer, i) ^ LFS;
            long zero = (x - ONES) & ~x & HIGHS;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        while (i < limit && buffer[i] != '\n') {
            i++;
        }
        return i;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
