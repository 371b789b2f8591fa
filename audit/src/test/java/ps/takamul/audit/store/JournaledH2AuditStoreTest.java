package ps.takamul.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The contract on the embedded store as the node runs it: appends durable in the journal, the H2
 * file written behind it. Where the database being down changes what an appender sees, the journal
 * keeps the records and the database catches up; those cases are restated here.
 */
class JournaledH2AuditStoreTest extends H2AuditStoreTest {
    @Override
    Path journal() {
        return dir.resolve("audit.journal");
    }

    @Override
    @Test
    void whenTheDatabaseIsDownAppendsFailClearlyNothingIsWrittenAndTheyWorkAgainWhenItReturns() throws Exception {
        appendConcurrently(3, 1);
        down = true;
        killConnections();
        List<CompletableFuture<Long>> kept = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            kept.add(store.append(record(10 + i)));
        }
        for (int i = 0; i < kept.size(); i++) {
            assertThat(kept.get(i).join()).isEqualTo(3 + i);
        }
        assertThat(store.size()).isEqualTo(13);

        down = false;
        assertThat(store.append(record(42)).join()).isEqualTo(13);
        assertThat(store.search(AuditQuery.all()).records()).hasSize(14);
        assertThat(count("audit_record")).isEqualTo(14);
        assertThat(store.read(3).orElseThrow().record()).isEqualTo(record(10));
        assertThat(store.read(13).orElseThrow().record()).isEqualTo(record(42));
    }

    @Override
    @Test
    void aBrokenConnectionFailsOnlyTheBatchThatMetItAndTheNextOneReconnects() throws Exception {
        appendConcurrently(3, 1);
        killConnections();
        assertThat(store.append(record(7)).join()).isEqualTo(3);
        assertThat(store.append(record(8)).join()).isEqualTo(4);
        assertThat(store.read(3, 5)).extracting(StoredRecord::record).containsExactly(record(7), record(8));
        assertThat(count("audit_record")).isEqualTo(5);
    }

    @Override
    @Test
    void aFailedBatchWritesNeitherItsRecordsNorTheirBodies() throws SQLException {
        // The journal has the batch; the database refuses it until the constraint goes, then takes it whole.
        byte[] fine = "{\"ok\":\"نعم\"}".getBytes(StandardCharsets.UTF_8);
        byte[] refused = "{\"refused\":true}".getBytes(StandardCharsets.UTF_8);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_body ADD CONSTRAINT test_refuses CHECK (digest <> '" + digest(refused) + "')");
        }
        assertThat(store.append(withBodies(1, fine, refused), bodiesOf(fine, refused)).join()).isZero();
        assertThat(count("audit_record")).isZero();
        assertThat(count("audit_body")).isZero();

        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_body DROP CONSTRAINT test_refuses");
        }
        assertThat(store.body(digest(refused))).get().isEqualTo(refused);
        assertThat(store.body(digest(fine))).get().isEqualTo(fine);
        assertThat(count("audit_record")).isEqualTo(1);
    }

    @Test
    void recordsTheDatabaseNeverGotAreWrittenFromTheJournalAtTheNextStart() throws Exception {
        List<?> before = appendConcurrently(4, 2);
        assertThat(store.search(AuditQuery.all()).records()).hasSize(4); // a read waits for these to be written
        down = true;
        killConnections();
        for (int i = 0; i < 6; i++) {
            assertThat(store.append(record(20 + i)).join()).isEqualTo(4 + i);
        }
        // The node stops while the database is away: the six stay in the journal only.
        store.close();
        down = false;
        assertThat(count("audit_record")).isEqualTo(4);

        JdbcAuditStore again = openStore();
        assertThat(again.size()).isEqualTo(10);
        assertThat(count("audit_record")).isEqualTo(10);
        assertThat(again.read(4, 10)).extracting(StoredRecord::record)
                .containsExactly(record(20), record(21), record(22), record(23), record(24), record(25));
        assertThat(again.append(record(99)).join()).isEqualTo(10);
        assertThat(before).hasSize(4);
        // The root over the store equals the root over the records' own bytes.
        assertThat(again.leaves().leafHash(9))
                .isEqualTo(ps.takamul.audit.merkle.MerkleHash.leaf(ps.takamul.audit.record.AuditRecords.canonical(record(25))));
    }
}
