package ps.takamul.audit.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The database's own refusal to edit the log, so that a mistaken statement, a script or a
 * migration cannot change or drop a record behind the node's back. The one sanctioned deletion is
 * the archive step ({@link SegmentTable#seal}): inside its transaction, which it marks with a
 * session setting, a record row may go once it lies below the end of a sealed archive segment and
 * its leaf hash is kept in {@code audit_leaf}; its bodies may go with it.
 *
 * <p>This guards against accidents and against a user who may only write rows, not against the
 * tables' owner or a superuser, who can drop a trigger. What detects that is the Merkle tree:
 * every signed checkpoint commits to every record, so a changed or missing record shows as soon
 * as anyone verifies an export against a checkpoint.
 */
final class AppendOnly {
    static final String MESSAGE = "the audit log is append-only";
    /** The PostgreSQL setting the archive step sets for its transaction only ({@code SET LOCAL}). */
    static final String ARCHIVING_SETTING = "takamul.archiving";
    /** The H2 session variable the archive step sets on its own connection. */
    static final String ARCHIVING_VARIABLE = "@takamul_archiving";

    /**
     * Kept as the comment of the PostgreSQL guard function; a node finding it (and every trigger
     * and index) in place creates nothing, so it can run as a user that may only read and write rows. Raise
     * it when the tables or the guards change: the next start as the owner brings them up to date.
     */
    static final String VERSION = "takamul-audit-schema/1";

    private static final List<String> TABLES =
            List.of("audit_record", "audit_checkpoint", "audit_leaf", "audit_body", "audit_segment");

    private AppendOnly() {
    }

    static String refusal(String operation, String table) {
        return MESSAGE + ": " + operation + " on " + table + " refused";
    }

    /**
     * PL/pgSQL trigger functions and triggers, replaced on every start (so a newer node brings its
     * newer rules). {@code SET search_path FROM CURRENT} pins the schema the functions read, so a
     * session with another search path cannot point them at tables of its own.
     */
    static List<String> postgres() {
        List<String> ddl = new ArrayList<>();
        ddl.add("CREATE OR REPLACE FUNCTION takamul_audit_append_only() RETURNS trigger "
                + "LANGUAGE plpgsql SET search_path FROM CURRENT AS $$\n"
                + "BEGIN\n"
                + "  IF TG_OP = 'DELETE' AND TG_TABLE_NAME IN ('audit_record', 'audit_body')\n"
                + "      AND current_setting('" + ARCHIVING_SETTING + "', true) = 'on' THEN\n"
                + "    IF OLD.seq < (SELECT coalesce(max(to_seq), 0) FROM audit_segment) THEN\n"
                + "      IF TG_TABLE_NAME = 'audit_body' THEN\n"
                + "        RETURN OLD;\n"
                + "      END IF;\n"
                + "      IF EXISTS (SELECT 1 FROM audit_leaf WHERE seq = OLD.seq) THEN\n"
                + "        RETURN OLD;\n"
                + "      END IF;\n"
                + "    END IF;\n"
                + "  END IF;\n"
                // a body named again by a newer record moves up to it: it must live as long as that one
                + "  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'audit_body' THEN\n"
                + "    IF NEW.digest = OLD.digest AND NEW.content = OLD.content AND NEW.seq >= OLD.seq THEN\n"
                + "      RETURN NEW;\n"
                + "    END IF;\n"
                + "  END IF;\n"
                + "  RAISE EXCEPTION '" + MESSAGE + ": % on % refused', TG_OP, TG_TABLE_NAME\n"
                + "    USING HINT = 'records leave the database only through the archive step, "
                + "once sealed into an archive segment';\n"
                + "END\n$$");
        ddl.add("CREATE OR REPLACE FUNCTION takamul_audit_segment_follows() RETURNS trigger "
                + "LANGUAGE plpgsql SET search_path FROM CURRENT AS $$\n"
                + "DECLARE last_end BIGINT;\n"
                + "BEGIN\n"
                + "  SELECT coalesce(max(to_seq), 0) INTO last_end FROM audit_segment;\n"
                + "  IF NEW.from_seq <> last_end OR NEW.to_seq <= NEW.from_seq THEN\n"
                + "    RAISE EXCEPTION 'an archive segment starts where the last one ended (%), not [%, %)',"
                + " last_end, NEW.from_seq, NEW.to_seq;\n"
                + "  END IF;\n"
                + "  RETURN NEW;\n"
                + "END\n$$");
        for (String table : TABLES) {
            ddl.add("CREATE OR REPLACE TRIGGER " + table + "_append_only BEFORE UPDATE OR DELETE ON " + table
                    + " FOR EACH ROW EXECUTE FUNCTION takamul_audit_append_only()");
            ddl.add("CREATE OR REPLACE TRIGGER " + table + "_no_truncate BEFORE TRUNCATE ON " + table
                    + " FOR EACH STATEMENT EXECUTE FUNCTION takamul_audit_append_only()");
        }
        ddl.add("CREATE OR REPLACE TRIGGER audit_segment_follows BEFORE INSERT ON audit_segment"
                + " FOR EACH ROW EXECUTE FUNCTION takamul_audit_segment_follows()");
        ddl.add("COMMENT ON FUNCTION takamul_audit_append_only() IS '" + VERSION + "'");
        return ddl;
    }

    /** Whether this schema has the current tables, every guard and every index, so that there is nothing to create. */
    static boolean postgresCurrent(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT obj_description(to_regprocedure(quote_ident(current_schema()) "
                     + "|| '.takamul_audit_append_only()'), 'pg_proc'), "
                     + "(SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                     + "WHERE c.relnamespace = to_regnamespace(quote_ident(current_schema())) AND NOT t.tgisinternal "
                     + "AND t.tgname IN (" + quoted(postgresTriggers()) + ")), "
                     + "(SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() "
                     + "AND indexname IN (" + quoted(AuditSchema.indexNames(SqlDialect.POSTGRESQL)) + "))")) {
            rs.next();
            return VERSION.equals(rs.getString(1)) && rs.getLong(2) == postgresTriggers().size()
                    && rs.getLong(3) == AuditSchema.indexNames(SqlDialect.POSTGRESQL).size();
        }
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }

    private static List<String> postgresTriggers() {
        List<String> names = new ArrayList<>();
        for (String table : TABLES) {
            names.add(table + "_append_only");
            names.add(table + "_no_truncate");
        }
        names.add("audit_segment_follows");
        return names;
    }

    /**
     * H2 runs the same rules in {@link H2AppendOnly}. H2 has no TRUNCATE trigger, but refuses to
     * truncate a table another table's foreign key refers to: the (always empty) guard table
     * refers to each of the log's tables for that reason alone.
     */
    static List<String> h2() {
        List<String> ddl = new ArrayList<>();
        for (String table : TABLES) {
            String events = table.equals("audit_segment") ? "INSERT, UPDATE, DELETE" : "UPDATE, DELETE";
            ddl.add("CREATE TRIGGER IF NOT EXISTS " + table + "_append_only BEFORE " + events + " ON " + table
                    + " FOR EACH ROW CALL '" + H2AppendOnly.class.getName() + "'");
        }
        ddl.add("CREATE TABLE IF NOT EXISTS audit_truncate_guard ("
                + "record_seq BIGINT REFERENCES audit_record (seq), "
                + "checkpoint_size BIGINT REFERENCES audit_checkpoint (tree_size), "
                + "leaf_seq BIGINT REFERENCES audit_leaf (seq), "
                + "body_digest VARCHAR REFERENCES audit_body (digest), "
                + "segment_from BIGINT REFERENCES audit_segment (from_seq))");
        return ddl;
    }
}
