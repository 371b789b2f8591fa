package ps.takamul.audit.verify;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The LF-ended lines of a stream, as bytes: records are hashed as they are, never decoded. A last
 * line without its LF is told apart, since a writer always ends every line.
 */
final class Lines implements AutoCloseable {
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
        byte[] line = null;
        int lineLength = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (line == null) {
                        return null;
                    }
                    cut = true;
                    number++;
                    return Arrays.copyOf(line, lineLength);
                }
            }
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int length = end - position;
            if (line == null && end < limit) {
                byte[] whole = Arrays.copyOfRange(buffer, position, end);
                position = end + 1;
                number++;
                return whole;
            }
            if (line == null) {
                line = new byte[Math.max(256, length * 2)];
            }
            if (lineLength + length > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
            }
            System.arraycopy(buffer, position, line, lineLength, length);
            lineLength += length;
            if (end < limit) {
                position = end + 1;
                number++;
                return Arrays.copyOf(line, lineLength);
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

    @Override
    public void close() throws IOException {
        in.close();
    }
}
