package ps.takamul.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The postings alone, on blocks written by hand: what a search narrows to before the SQL compares the values. */
class KeyPostingsTest {
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:h2:mem:postings-" + System.nanoTime(), "sa", "");
        try (Statement s = c.createStatement()) {
            s.execute(KeyPostings.TABLE);
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    /** Each record: seconds after T, then message id, data subject, user, client, service. */
    private void block(long first, Object[]... records) throws SQLException {
        KeyPostings.write(c, List.of(records), first, r -> (String[]) r[1],
                r -> KeyPostings.micros(T.plusSeconds((Integer) r[0])));
    }

    private static Object[] rec(int seconds, String user, String client) {
        return new Object[] {seconds, new String[] {"m-" + seconds, "848991001", user, client, "svc"}};
    }

    /** A clock that stepped back between two blocks: a range finds every block whose times overlap it, and only those. */
    @Test
    void aTimeRangeSpansTheBlocksWhoseTimesOverlapIt() throws SQLException {
        block(0, rec(100, "u", "a"), rec(200, "u", "a"));
        block(2, rec(50, "u", "a"), rec(150, "u", "a"));
        block(4, rec(300, "u", "a"), rec(400, "u", "a"));
        assertThat(KeyPostings.timeCondition(c, T.plusSeconds(60), T.plusSeconds(70))).isEqualTo("seq BETWEEN 2 AND 3");
        assertThat(KeyPostings.timeCondition(c, T.plusSeconds(120), T.plusSeconds(130))).isEqualTo("seq BETWEEN 0 AND 3");
        assertThat(KeyPostings.timeCondition(c, T.plusSeconds(350), null)).isEqualTo("seq BETWEEN 4 AND 5");
        assertThat(KeyPostings.timeCondition(c, null, T.plusSeconds(60))).isEqualTo("seq BETWEEN 2 AND 3");
        assertThat(KeyPostings.timeCondition(c, T.plusSeconds(201), T.plusSeconds(299))).isEqualTo("1 = 0");
        assertThat(KeyPostings.timeCondition(c, null, null)).isNull();
    }

    /** Client and service are posted per block: a search spans the blocks holding the value, whatever records in them. */
    @Test
    void aFewValuedFieldNarrowsToTheBlocksHoldingTheValue() throws SQLException {
        block(0, rec(1, "u1", "a"), rec(2, "u2", "a"));
        block(2, rec(3, "u1", "b"), rec(4, "u2", "b"));
        block(4, rec(5, "u1", "a"), rec(6, "u2", "c"));
        List<Object> parameters = new ArrayList<>();
        assertThat(KeyPostings.condition(c, "client", "b", parameters)).isEqualTo("seq BETWEEN 2 AND 3 AND client = ?");
        assertThat(KeyPostings.condition(c, "client", "a", parameters)).isEqualTo("seq BETWEEN 0 AND 5 AND client = ?");
        assertThat(KeyPostings.condition(c, "client", "z", parameters)).isEqualTo("1 = 0");
        assertThat(parameters).containsExactly("b", "a");
    }

    /** Message id, data subject and user are posted per record: a search names its candidates. */
    @Test
    void aManyValuedFieldNamesItsRecords() throws SQLException {
        block(0, rec(1, "u1", "a"), rec(2, "u2", "a"));
        block(2, rec(3, "u1", "b"), rec(4, "u2", "b"));
        List<Object> parameters = new ArrayList<>();
        assertThat(KeyPostings.condition(c, "user_id", "u2", parameters)).isEqualTo("seq IN (1, 3) AND user_id = ?");
        assertThat(KeyPostings.condition(c, "message_id", "m-3", parameters)).isEqualTo("seq IN (2) AND message_id = ?");
        assertThat(parameters).containsExactly("u2", "m-3");
    }
}
