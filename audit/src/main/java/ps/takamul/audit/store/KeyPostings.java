package ps.takamul.audit.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The embedded store's index on the random keys (message id, data subject): postings lists, one
 * row per key, bucket and block of records, instead of a B-tree entry per record.
 *
 * <p>Why: H2's MVStore copies every B-tree page an insert touches, logs the insert for undo and
 * visits the entry again at commit. On a random key that is a page per record, and two such
 * indexes were the largest part of what the audit cost the exchange (docs/audit-bench.md). Here a
 * block (the records one transaction writes, up to the indexer's batch) adds at most
 * {@link #BUCKETS} rows per key, whatever its size; each row lists, for the block's records whose
 * value falls in that bucket, a 32-bit tag of the value and the record's offset in the block.
 *
 * <p>A search reads its bucket's row of every block (one short row each), keeps the entries whose
 * tag matches, and fetches those records by sequence number, the value compared again in SQL, so
 * a tag shared by two values costs a row read, never a wrong answer.
 *
 * <p>Each block also leaves a row under {@link #BLOCKS}, so the store knows how far the postings
 * reach: records written by a version without postings (or beyond the last block, if ever) are
 * indexed at start-up ({@link #catchUp}). These rows are not evidence (the records and the Merkle
 * tree are), so they carry no append-only guard; the archive step prunes those of archived blocks.
 */
final class KeyPostings {
    /** The keys, by their column; a row's {@code field} is the position here plus one. */
    static final List<String> COLUMNS = List.of("message_id", "data_subject");
    /** The field of the rows that only mark a block as indexed. */
    static final int BLOCKS = 0;
    /** More make a search read less, fewer make a small block write fewer rows. */
    static final int BUCKETS = 256;
    /** Records per block when catching up, as the indexer's largest batch. */
    static final int CATCH_UP_BLOCK = Indexer.MAX_BATCH;
    private static final int ENTRY_BYTES = 8;

    static final String TABLE = "CREATE TABLE IF NOT EXISTS audit_posting ("
            + "field SMALLINT NOT NULL, bucket SMALLINT NOT NULL, first_seq BIGINT NOT NULL, "
            + "last_seq BIGINT NOT NULL, entries VARBINARY NOT NULL, "
            + "PRIMARY KEY (field, bucket, first_seq))";

    private KeyPostings() {
    }

    /**
     * A stable 64-bit hash of the value: FNV-1a over its UTF-16 units, then a finaliser so that
     * values differing in one digit (national IDs) spread over the buckets. Stored in files, so it
     * must never change.
     */
    static long hash(String value) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            h = (h ^ value.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb1fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    static int bucket(long hash) {
        return (int) (hash >>> 56);
    }

    static int tag(long hash) {
        return (int) hash;
    }

    /** Writes the postings of records {@code first...}, whose keys {@code keys} gives, in the caller's transaction. */
    static <T> void write(Connection c, List<T> records, long first, Function<T, String[]> keys) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        long last = first + records.size() - 1;
        // Per key and bucket, the entries as pairs of ints (tag, offset), in offset order.
        int[][][] entries = new int[COLUMNS.size()][BUCKETS][];
        int[][] counts = new int[COLUMNS.size()][BUCKETS];
        for (int offset = 0; offset < records.size(); offset++) {
            String[] values = keys.apply(records.get(offset));
            for (int f = 0; f < COLUMNS.size(); f++) {
                if (values[f] == null) {
                    continue;
                }
                long h = hash(values[f]);
                int b = bucket(h);
                int[] list = entries[f][b];
                int n = counts[f][b];
                if (list == null) {
                    list = entries[f][b] = new int[8];
                } else if (n + 2 > list.length) {
                    list = entries[f][b] = Arrays.copyOf(list, list.length * 2);
                }
                list[n] = tag(h);
                list[n + 1] = offset;
                counts[f][b] = n + 2;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO audit_posting (field, bucket, first_seq, last_seq, entries) VALUES (?, ?, ?, ?, ?)")) {
            add(insert, BLOCKS, 0, first, last, new byte[0]);
            for (int f = 0; f < COLUMNS.size(); f++) {
                for (int b = 0; b < BUCKETS; b++) {
                    int n = counts[f][b];
                    if (n == 0) {
                        continue;
                    }
                    ByteBuffer bytes = ByteBuffer.allocate(n / 2 * ENTRY_BYTES);
                    for (int i = 0; i < n; i++) {
                        bytes.putInt(entries[f][b][i]);
                    }
                    add(insert, f + 1, b, first, last, bytes.array());
                }
            }
            insert.executeBatch();
        }
    }

    private static void add(PreparedStatement insert, int field, int bucket, long first, long last, byte[] entries)
            throws SQLException {
        insert.setInt(1, field);
        insert.setInt(2, bucket);
        insert.setLong(3, first);
        insert.setLong(4, last);
        insert.setBytes(5, entries);
        insert.addBatch();
    }

    /** The sequence numbers of the records whose {@code column} may hold {@code value}, ascending. */
    static long[] candidates(Connection c, String column, String value) throws SQLException {
        int field = COLUMNS.indexOf(column) + 1;
        if (field == 0) {
            throw new IllegalArgumentException("no postings for " + column);
        }
        long h = hash(value);
        int tag = tag(h);
        long[] found = new long[16];
        int n = 0;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT first_seq, entries FROM audit_posting WHERE field = ? AND bucket = ? ORDER BY first_seq")) {
            s.setInt(1, field);
            s.setInt(2, bucket(h));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long first = rs.getLong(1);
                    ByteBuffer entries = ByteBuffer.wrap(rs.getBytes(2));
                    while (entries.remaining() >= ENTRY_BYTES) {
                        int t = entries.getInt();
                        int offset = entries.getInt();
                        if (t == tag) {
                            if (n == found.length) {
                                found = Arrays.copyOf(found, n * 2);
                            }
                            found[n++] = first + offset;
                        }
                    }
                }
            }
        }
        return Arrays.copyOf(found, n);
    }

    /**
     * Indexes the records beyond the last block, in blocks of {@link #CATCH_UP_BLOCK}: all of them
     * in a file from a version without postings, none otherwise.
     */
    static void catchUp(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            long from = indexedUpTo(c);
            while (true) {
                List<Object[]> rows = new ArrayList<>();
                long first = -1;
                try (PreparedStatement s = c.prepareStatement("SELECT seq, message_id, data_subject FROM audit_record "
                        + "WHERE seq >= ? ORDER BY seq LIMIT " + CATCH_UP_BLOCK)) {
                    s.setLong(1, from);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            long seq = rs.getLong(1);
                            if (first < 0) {
                                first = seq;
                            } else if (seq != first + rows.size()) {
                                break; // a gap left by the archive step: the next block starts after it
                            }
                            rows.add(new Object[] {rs.getString(2), rs.getString(3)});
                        }
                    }
                }
                if (rows.isEmpty()) {
                    break;
                }
                write(c, rows, first, r -> new String[] {(String) r[0], (String) r[1]});
                c.commit();
                from = first + rows.size();
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** The first record no block covers. */
    private static long indexedUpTo(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(last_seq) FROM audit_posting WHERE field = " + BLOCKS)) {
            rs.next();
            long last = rs.getLong(1);
            return rs.wasNull() ? 0 : last + 1;
        }
    }

    /** Drops the postings of blocks wholly below {@code end}, whose records the archive step removed; block marks stay. */
    static void prune(Connection c, long end) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM audit_posting WHERE field <> ? AND last_seq < ?")) {
            s.setInt(1, BLOCKS);
            s.setLong(2, end);
            s.executeUpdate();
        }
    }
}
