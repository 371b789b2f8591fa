package ps.takamul.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ps.takamul.audit.record.AuditRecord;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded H2 file store, a new file for each test. */
class H2AuditStoreTest extends AuditStoreContract {
    @TempDir
    Path dir;

    @Override
    void createDatabase() {
        // H2 creates the file on the first connection.
    }

    @Override
    void dropDatabase() {
        // The temporary directory goes with the test.
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath() + ";WRITE_DELAY=0", "sa", "");
    }

    @Override
    SqlDialect dialect() {
        return SqlDialect.H2;
    }

    /** SHUTDOWN closes the database under every open session, as a crash of a server would. */
    @Override
    void killConnections() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath(), "sa", "");
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    @Override
    String truncate(String table) {
        return "TRUNCATE TABLE " + table;
    }

    /** H2 has no TRUNCATE trigger; a foreign key from the guard table makes it refuse (AppendOnly.h2). */
    @Override
    String truncateRefusal() {
        return "Cannot truncate";
    }

    /** A search by message id or data subject looks its candidates up in the primary key, not the whole table. */
    @Test
    void searchesByARandomKeyReadThePostingsThenThePrimaryKey() throws SQLException {
        appendConcurrently(40, 4);
        assertThat(store.search(AuditQuery.all().messageId("msg-17")).records()).singleElement()
                .satisfies(r -> assertThat(r.record().messageId()).isEqualTo("msg-17"));
        // H2 writes an IN list of one as an equality.
        assertThat(plan(AuditQuery.all().messageId("msg-17"))).containsPattern("PRIMARY_KEY_\\w+: SEQ = ")
                .doesNotContainIgnoringCase("tableScan");
        assertThat(plan(AuditQuery.all().dataSubject("848991003"))).containsPattern("PRIMARY_KEY_\\w+: SEQ IN\\(")
                .doesNotContainIgnoringCase("tableScan");
        assertThat(plan(AuditQuery.all().messageId("never-sent"))).contains("WHERE FALSE");
    }

    /** Postings only narrow the search: a record they name wrongly (a shared tag) is not returned. */
    @Test
    void aRecordThePostingsNameWronglyIsNotReturned() throws SQLException {
        appendConcurrently(10, 1);
        assertThat(store.search(AuditQuery.all().dataSubject("848991004")).records()).hasSize(1);
        long h = KeyPostings.hash("000000000");
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit_posting (field, bucket, first_seq, last_seq, entries) VALUES (2, ?, -1, 9, ?)")) {
            s.setInt(1, KeyPostings.bucket(h));
            s.setBytes(2, java.nio.ByteBuffer.allocate(8).putInt(KeyPostings.tag(h)).putInt(5).array());
            s.executeUpdate();
        }
        assertThat(plan(AuditQuery.all().dataSubject("000000000"))).contains("SEQ = CAST(4 AS BIGINT)");
        assertThat(store.search(AuditQuery.all().dataSubject("000000000")).records()).isEmpty();
    }

    /**
     * A file written by the version with bucketed B-tree indexes loses them and their generated
     * columns on opening, gets postings for every record, and its records are found through them.
     */
    @Test
    void aLogWithTheEarlierBucketIndexesGetsPostingsOnOpening() throws SQLException {
        appendConcurrently(30, 3);
        store.close();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE audit_posting");
            for (String column : List.of("message_id", "data_subject")) {
                s.execute("ALTER TABLE audit_record ADD COLUMN " + column + "_bucket BIGINT "
                        + "GENERATED ALWAYS AS (ORA_HASH(" + column + ", 255))");
            }
            s.execute("CREATE INDEX audit_record_subject_bucket ON audit_record (data_subject_bucket, seq, data_subject)");
            s.execute("CREATE INDEX audit_record_message_bucket ON audit_record (message_id_bucket, seq, message_id)");
        }
        store = openStore();
        assertThat(indexes()).doesNotContain("AUDIT_RECORD_MESSAGE_BUCKET", "AUDIT_RECORD_SUBJECT_BUCKET");
        assertThat(columns()).doesNotContain("MESSAGE_ID_BUCKET", "DATA_SUBJECT_BUCKET");
        assertThat(store.search(AuditQuery.all().messageId("msg-29")).records()).hasSize(1);
        assertThat(store.search(AuditQuery.all().dataSubject("848991005")).records()).hasSize(5);
        assertThat(store.append(record(30)).join()).isEqualTo(30L);
        assertThat(store.search(AuditQuery.all().messageId("msg-30")).records()).hasSize(1);
        store.close();
        store = openStore();
        assertThat(store.search(AuditQuery.all().dataSubject("848991005")).records()).hasSize(5);
    }

    /** The archive step drops the postings of the blocks it archived whole, and the rest still find their records. */
    @Test
    void sealingASegmentDropsItsPostings() throws SQLException {
        for (int i = 0; i < 10; i++) {
            store.append(record(i)).join();
        }
        store.saveCheckpoint(new Checkpoint(6, new ps.takamul.audit.merkle.MerkleTree(store.leaves()).root(6),
                java.time.Instant.now(), null, null));
        store.sealSegment(new ArchiveSegment(0, 6, "segment-0-6.zip", "ab".repeat(32), java.time.Instant.now()));
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(last_seq) FROM audit_posting")) {
            rs.next();
            assertThat(rs.getLong(2)).isGreaterThanOrEqualTo(6);
        }
        assertThat(store.search(AuditQuery.all().messageId("msg-7")).records()).hasSize(1);
        assertThat(store.search(AuditQuery.all().messageId("msg-3")).records()).isEmpty();
    }

    /**
     * Client, service, user and time have no B-tree of their own either: their searches read the
     * postings (or the blocks' times) and then the primary key, never the whole table.
     */
    @Test
    void everySearchedFieldIsFoundThroughPostingsAndThePrimaryKey() throws SQLException {
        List<AuditRecord> bySeq = appendConcurrently(40, 4);
        assertThat(store.search(AuditQuery.all()).records()).hasSize(40); // the indexer has written them all
        assertThat(indexes()).doesNotContain("AUDIT_RECORD_CLIENT", "AUDIT_RECORD_SERVICE", "AUDIT_RECORD_USER",
                "AUDIT_RECORD_TIME");
        assertThat(plan(AuditQuery.all().userId("user-2"))).containsPattern("PRIMARY_KEY_\\w+: SEQ IN\\(")
                .doesNotContainIgnoringCase("tableScan");
        assertThat(plan(AuditQuery.all().client("PS/GOV/MOH/client-1"))).containsPattern("PRIMARY_KEY_\\w+: SEQ >= ")
                .doesNotContainIgnoringCase("tableScan");
        Instant t = store.read(20, 21).get(0).appendedAt();
        assertThat(plan(AuditQuery.all().between(t, t.plusSeconds(1)))).containsPattern("PRIMARY_KEY_\\w+: SEQ >= ")
                .doesNotContainIgnoringCase("tableScan");
        assertThat(plan(AuditQuery.all().userId("user-9"))).contains("WHERE FALSE");
        assertThat(plan(AuditQuery.all().client("PS/GOV/MOH/client-9"))).contains("WHERE FALSE");
        assertThat(plan(AuditQuery.all().between(Instant.EPOCH, Instant.EPOCH.plusSeconds(1)))).contains("WHERE FALSE");
        assertThat(store.search(AuditQuery.all().userId("user-2").limit(100)).records())
                .extracting(r -> r.record().messageId())
                .containsExactlyElementsOf(newestFirst(bySeq.stream().filter(r -> r.userId().equals("user-2"))
                        .map(AuditRecord::messageId).toList()));
    }

    /**
     * A value on more records than a search names one by one is searched in the range of sequence
     * numbers its records span, its value compared there: every page still holds exactly its records.
     */
    @Test
    void aValueOnMoreRecordsThanAreListedIsSearchedInTheRangeItSpans() throws SQLException {
        int n = 4 * (KeyPostings.MAX_LISTED + 10); // one user in four
        List<AuditRecord> bySeq = appendConcurrently(n, 4);
        assertThat(store.search(AuditQuery.all()).records()).isNotEmpty(); // the indexer has written them all
        assertThat(plan(AuditQuery.all().userId("user-1"))).doesNotContain("SEQ IN(");
        assertThat(plan(AuditQuery.all().dataSubject("848991001"))).containsPattern("PRIMARY_KEY_\\w+: SEQ IN\\(");
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (bySeq.get(i).userId().equals("user-1")) {
                expected.add((long) i);
            }
        }
        List<Long> found = new ArrayList<>();
        Long cursor = null;
        do {
            AuditPage page = store.search(AuditQuery.all().userId("user-1").order(AuditQuery.Order.OLDEST_FIRST)
                    .limit(AuditQuery.MAX_LIMIT).after(cursor));
            page.records().forEach(r -> found.add(r.sequence()));
            cursor = page.next();
        } while (cursor != null);
        assertThat(found).hasSize(n / 4).containsExactlyElementsOf(expected);
    }

    /**
     * A file from the version that kept client, service, user and time in B-trees (and postings
     * for message id and data subject only) loses those indexes on opening and gets postings for
     * every field; its records are found as before, and new ones after them.
     */
    @Test
    void aLogWithTheEarlierFieldIndexesGetsPostingsForEveryFieldOnOpening() throws SQLException {
        List<AuditRecord> bySeq = appendConcurrently(30, 3);
        store.close();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM audit_posting WHERE field > 2");
            s.execute("UPDATE audit_posting SET entries = X'' WHERE field = 0");
            s.execute("CREATE INDEX audit_record_client ON audit_record (client, appended_at)");
            s.execute("CREATE INDEX audit_record_service ON audit_record (service, appended_at)");
            s.execute("CREATE INDEX audit_record_user ON audit_record (user_id)");
            s.execute("CREATE INDEX audit_record_time ON audit_record (appended_at)");
        }
        store = openStore();
        assertThat(indexes()).doesNotContain("AUDIT_RECORD_CLIENT", "AUDIT_RECORD_SERVICE", "AUDIT_RECORD_USER",
                "AUDIT_RECORD_TIME");
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT field), MIN(LENGTH(entries)) FROM audit_posting")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(KeyPostings.Key.values().length + 1);
            assertThat(rs.getInt(2)).isPositive();
        }
        assertThat(store.search(AuditQuery.all().userId("user-3")).records()).hasSize(7);
        assertThat(store.search(AuditQuery.all().service("PS/GOV/MOI/civil-registry/service-1/v1")).records()).hasSize(15);
        List<StoredRecord> stored = store.read(0, 30);
        Instant from = stored.get(10).appendedAt();
        assertThat(store.search(AuditQuery.all().between(from, Instant.now().plusSeconds(60))).records())
                .extracting(StoredRecord::sequence).containsExactlyElementsOf(newestFirst(stored.stream()
                        .filter(r -> !r.appendedAt().isBefore(from)).map(StoredRecord::sequence).toList()))
                .contains(10L, 29L);
        assertThat(store.append(record(30)).join()).isEqualTo(30L);
        assertThat(store.search(AuditQuery.all().client("PS/GOV/MOH/client-0")).records()).hasSize(11)
                .first().satisfies(r -> assertThat(r.sequence()).isEqualTo(30L));
        assertThat(bySeq).hasSize(30);
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> reversed = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    private String plan(AuditQuery query) throws SQLException {
        try (Connection c = connect()) {
            RecordSearch search = new RecordSearch(query, SqlDialect.H2, c);
            try (PreparedStatement s = c.prepareStatement("EXPLAIN " + search.sql)) {
                for (int i = 0; i < search.parameters.size(); i++) {
                    s.setObject(i + 1, search.parameters.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        }
    }

    private List<String> columns() throws SQLException {
        return namesOf("COLUMN_NAME", "COLUMNS");
    }

    private List<String> indexes() throws SQLException {
        return namesOf("INDEX_NAME", "INDEXES");
    }

    /** A name column of one of H2's INFORMATION_SCHEMA views, for the audit_record table. */
    private List<String> namesOf(String column, String view) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + column + " FROM INFORMATION_SCHEMA." + view
                     + " WHERE TABLE_NAME = 'AUDIT_RECORD'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
