package ps.takamul.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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

    /** A search by message id or data subject reads the key's bucket, not the whole table. */
    @Test
    void searchesByARandomKeyUseTheBucketIndexes() throws SQLException {
        appendConcurrently(40, 4);
        assertThat(plan(AuditQuery.all().messageId("msg-17"))).containsIgnoringCase("audit_record_message_bucket");
        assertThat(plan(AuditQuery.all().dataSubject("848991003"))).containsIgnoringCase("audit_record_subject_bucket");
        assertThat(store.search(AuditQuery.all().messageId("msg-17")).records()).singleElement()
                .satisfies(r -> assertThat(r.record().messageId()).isEqualTo("msg-17"));
    }

    /** A file written before the bucket indexes gets them on opening, and its records are found through them. */
    @Test
    void aLogWithTheEarlierPlainKeyIndexesGetsTheBucketsOnOpening() throws SQLException {
        appendConcurrently(30, 3);
        store.close();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP INDEX audit_record_message_bucket");
            s.execute("DROP INDEX audit_record_subject_bucket");
            s.execute("ALTER TABLE audit_record DROP COLUMN message_id_bucket");
            s.execute("ALTER TABLE audit_record DROP COLUMN data_subject_bucket");
            s.execute("CREATE INDEX audit_record_message ON audit_record (message_id)");
            s.execute("CREATE INDEX audit_record_subject ON audit_record (data_subject, seq)");
        }
        store = openStore();
        assertThat(indexes()).contains("AUDIT_RECORD_MESSAGE_BUCKET", "AUDIT_RECORD_SUBJECT_BUCKET")
                .doesNotContain("AUDIT_RECORD_MESSAGE", "AUDIT_RECORD_SUBJECT");
        assertThat(store.search(AuditQuery.all().messageId("msg-29")).records()).hasSize(1);
        assertThat(store.search(AuditQuery.all().dataSubject("848991005")).records()).hasSize(5);
        assertThat(store.append(record(30)).join()).isEqualTo(30L);
        assertThat(store.search(AuditQuery.all().messageId("msg-30")).records()).hasSize(1);
    }

    private String plan(AuditQuery query) throws SQLException {
        RecordSearch search = new RecordSearch(query, SqlDialect.H2);
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("EXPLAIN " + search.sql)) {
            for (int i = 0; i < search.parameters.size(); i++) {
                s.setObject(i + 1, search.parameters.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private List<String> indexes() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'AUDIT_RECORD'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
