package ps.takamul.audit.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The embedded store's index: postings lists, a few rows per block of records and searched field,
 * instead of a B-tree entry per record and index.
 *
 * <p>Why: H2's MVStore copies every B-tree page an insert touches, logs the insert for undo and
 * visits the entry again at commit. Six secondary indexes made that most of what the audit cost
 * an exchange (docs/audit-bench.md). Here a block (the records one transaction writes, up to the
 * indexer's batch) adds, per field, at most {@link #BUCKETS} rows whatever its size:
 *
 * <ul>
 *   <li>for the keys with many values ({@link Key#perRecord}: message id, data subject, user), a
 *       row per bucket of values, listing for each of the block's records whose value falls in
 *       it a 32-bit tag of the value and the record's offset in the block;</li>
 *   <li>for the keys with few values (client, service), a row per bucket listing the tags of the
 *       values present in the block: a search reads the blocks that hold its value;</li>
 *   <li>a row per block under {@link #BLOCKS} with the block's earliest and latest time, which
 *       turns a time range into a range of sequence numbers (robust to a clock that steps back:
 *       the range is a block's, not a guess from one record).</li>
 * </ul>
 *
 * <p>Postings only narrow the search: the SQL compares the value (or the time) again, so a tag
 * shared by two values costs a row read, never a wrong answer. The block rows also tell the store
 * how far the postings reach: records beyond the last block (written by a version without these
 * postings) are indexed at start-up ({@link #catchUp}). None of these rows is evidence (the
 * records and the Merkle tree are), so they carry no append-only guard; the archive step deletes
 * those of archived blocks.
 */
final class KeyPostings {
    /** A searched field, by its column; {@code field} is its number in the table, stored in files. */
    enum Key {
        MESSAGE_ID("message_id", 1, true),
        DATA_SUBJECT("data_subject", 2, true),
        USER_ID("user_id", 3, true),
        CLIENT("client", 4, false),
        SERVICE("service", 5, false);

        final String column;
        final int field;
        /** Postings per record (tag and offset), or per block (tags only). */
        final boolean perRecord;

        Key(String column, int field, boolean perRecord) {
            this.column = column;
            this.field = field;
            this.perRecord = perRecord;
        }

        static Key of(String column) {
            for (Key k : values()) {
                if (k.column.equals(column)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("no postings for " + column);
        }
    }

    /** The field of the rows that mark a block and hold its time range. */
    static final int BLOCKS = 0;
    /** More make a search read less, fewer make a small block write fewer rows. */
    static final int BUCKETS = 256;
    /** Records per block when catching up, as the indexer's largest batch. */
    static final int CATCH_UP_BLOCK = Indexer.MAX_BATCH;
    /**
     * Up to this many candidates a search names them (a primary-key lookup each); beyond, it scans
     * the sequence range they span, which a page of results fills quickly when they are that many.
     */
    static final int MAX_LISTED = 1000;
    private static final int ENTRY_BYTES = 8;
    private static final int TAG_BYTES = 4;

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

    /**
     * Writes the postings of records {@code first...} in the caller's transaction: {@code keys}
     * gives each record's values in {@link Key} order, {@code micros} its time in epoch microseconds.
     */
    static <T> void write(Connection c, List<T> records, long first, Function<T, String[]> keys,
                          ToLongFunction<T> micros) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        long last = first + records.size() - 1;
        Key[] fields = Key.values();
        // Per key and bucket: pairs of ints (tag, offset) in offset order, or distinct tags.
        int[][][] entries = new int[fields.length][BUCKETS][];
        int[][] counts = new int[fields.length][BUCKETS];
        long earliest = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        for (int offset = 0; offset < records.size(); offset++) {
            T record = records.get(offset);
            long at = micros.applyAsLong(record);
            earliest = Math.min(earliest, at);
            latest = Math.max(latest, at);
            String[] values = keys.apply(record);
            for (Key k : fields) {
                String value = values[k.ordinal()];
                if (value != null) {
                    long h = hash(value);
                    add(entries[k.ordinal()], counts[k.ordinal()], bucket(h), tag(h), k.perRecord ? offset : -1);
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO audit_posting (field, bucket, first_seq, last_seq, entries) VALUES (?, ?, ?, ?, ?)")) {
            addRow(insert, BLOCKS, 0, first, last, ByteBuffer.allocate(16).putLong(earliest).putLong(latest).array());
            for (Key k : fields) {
                for (int b = 0; b < BUCKETS; b++) {
                    int n = counts[k.ordinal()][b];
                    if (n > 0) {
                        ByteBuffer bytes = ByteBuffer.allocate(n * TAG_BYTES);
                        for (int i = 0; i < n; i++) {
                            bytes.putInt(entries[k.ordinal()][b][i]);
                        }
                        addRow(insert, k.field, b, first, last, bytes.array());
                    }
                }
            }
            insert.executeBatch();
        }
    }

    /** Adds (tag, offset), or the tag alone if the bucket does not list it yet when {@code offset} is -1. */
    private static void add(int[][] lists, int[] counts, int bucket, int tag, int offset) {
        int[] list = lists[bucket];
        int n = counts[bucket];
        if (offset < 0 && list != null) {
            for (int i = 0; i < n; i++) {
                if (list[i] == tag) {
                    return;
                }
            }
        }
        int needed = offset < 0 ? 1 : 2;
        if (list == null) {
            list = lists[bucket] = new int[8];
        } else if (n + needed > list.length) {
            list = lists[bucket] = Arrays.copyOf(list, list.length * 2);
        }
        list[n] = tag;
        if (offset >= 0) {
            list[n + 1] = offset;
        }
        counts[bucket] = n + needed;
    }

    private static void addRow(PreparedStatement insert, int field, int bucket, long first, long last, byte[] entries)
            throws SQLException {
        insert.setInt(1, field);
        insert.setInt(2, bucket);
        insert.setLong(3, first);
        insert.setLong(4, last);
        insert.setBytes(5, entries);
        insert.addBatch();
    }

    /**
     * The condition that finds the records whose {@code column} holds {@code value}: the
     * candidates' sequence numbers (or the range they span, when there are many), then the value
     * compared again; its parameters are added to {@code parameters}.
     */
    static String condition(Connection c, String column, String value, List<Object> parameters) throws SQLException {
        Key key = Key.of(column);
        long h = hash(value);
        int tag = tag(h);
        long[] found = new long[16];
        int n = 0;
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        try (PreparedStatement s = c.prepareStatement("SELECT first_seq, last_seq, entries FROM audit_posting "
                + "WHERE field = ? AND bucket = ? ORDER BY first_seq")) {
            s.setInt(1, key.field);
            s.setInt(2, bucket(h));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long first = rs.getLong(1);
                    ByteBuffer entries = ByteBuffer.wrap(rs.getBytes(3));
                    int step = key.perRecord ? ENTRY_BYTES : TAG_BYTES;
                    while (entries.remaining() >= step) {
                        boolean match = entries.getInt() == tag;
                        long seq = key.perRecord ? first + entries.getInt() : first;
                        if (!match) {
                            continue;
                        }
                        from = Math.min(from, seq);
                        to = Math.max(to, key.perRecord ? seq : rs.getLong(2));
                        if (key.perRecord && n < MAX_LISTED) {
                            if (n == found.length) {
                                found = Arrays.copyOf(found, n * 2);
                            }
                            found[n] = seq;
                        }
                        n++;
                        if (!key.perRecord) {
                            break;
                        }
                    }
                }
            }
        }
        if (n == 0) {
            return "1 = 0";
        }
        parameters.add(value);
        String compared = " AND " + key.column + " = ?";
        if (key.perRecord && n <= MAX_LISTED) {
            // Numbers the store computed, so written into the statement: an IN list of constants
            // is one the planner looks up in the primary key.
            StringBuilder in = new StringBuilder("seq IN (");
            for (int i = 0; i < n; i++) {
                in.append(i == 0 ? "" : ", ").append(found[i]);
            }
            return in.append(")").append(compared).toString();
        }
        return "seq BETWEEN " + from + " AND " + to + compared;
    }

    /**
     * The range of sequence numbers that holds every record appended in [{@code from}, {@code to})
     * (either may be null), from the blocks' times: a condition, or null when no bound is given.
     */
    static String timeCondition(Connection c, Instant from, Instant to) throws SQLException {
        if (from == null && to == null) {
            return null;
        }
        // Whole microseconds, rounded outwards: the SQL compares the exact times afterwards.
        long fromMicros = from == null ? Long.MIN_VALUE : micros(from);
        long toMicros = to == null ? Long.MAX_VALUE : to.getEpochSecond() * 1_000_000L + (to.getNano() + 999) / 1000;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT first_seq, last_seq, entries FROM audit_posting WHERE field = " + BLOCKS + " ORDER BY first_seq")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byte[] range = rs.getBytes(3);
                    if (range.length == 16) {
                        ByteBuffer times = ByteBuffer.wrap(range);
                        long earliest = times.getLong();
                        long latest = times.getLong();
                        if (latest < fromMicros || earliest > toMicros) {
                            continue;
                        }
                    }
                    first = Math.min(first, rs.getLong(1));
                    last = Math.max(last, rs.getLong(2));
                }
            }
        }
        return first > last ? "1 = 0" : "seq BETWEEN " + first + " AND " + last;
    }

    /**
     * Indexes the records beyond the last block, in blocks of {@link #CATCH_UP_BLOCK}: all of them
     * in a file from a version without these postings, none otherwise.
     */
    static void catchUp(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            long from = indexedUpTo(c);
            while (true) {
                List<Object[]> rows = new ArrayList<>();
                long first = -1;
                try (PreparedStatement s = c.prepareStatement("SELECT seq, appended_at, message_id, data_subject, "
                        + "user_id, client, service FROM audit_record WHERE seq >= ? ORDER BY seq LIMIT " + CATCH_UP_BLOCK)) {
                    s.setLong(1, from);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            long seq = rs.getLong(1);
                            if (first < 0) {
                                first = seq;
                            } else if (seq != first + rows.size()) {
                                break; // a gap left by the archive step: the next block starts after it
                            }
                            Instant at = rs.getObject(2, java.time.OffsetDateTime.class).toInstant();
                            rows.add(new Object[] {micros(at), new String[] {rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getString(6), rs.getString(7)}});
                        }
                    }
                }
                if (rows.isEmpty()) {
                    break;
                }
                write(c, rows, first, r -> (String[]) r[1], r -> (Long) r[0]);
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

    static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1000;
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

    /**
     * Drops the rows of blocks wholly below {@code end}, whose records the archive step removed, so
     * searches read only live blocks. The block holding the newest record is never wholly below the
     * end while there are live records, so {@link #catchUp} still knows where the postings stop.
     */
    static void prune(Connection c, long end) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM audit_posting WHERE last_seq < ?")) {
            s.setLong(1, end);
            s.executeUpdate();
        }
    }
}
