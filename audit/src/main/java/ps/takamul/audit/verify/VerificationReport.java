package ps.takamul.audit.verify;

import java.util.List;

/**
 * What verifying one or more bundles found. The problem messages are stable: docs/audit-bundle.md
 * lists each and what it means, so an auditor's scripts may match on them.
 *
 * @param records     how many records were read and checked
 * @param checkpoints how many checkpoints were checked
 * @param problems    everything that does not verify, one line each; empty when all is well
 * @param notes       what verified with a caveat or is worth knowing (pinned certificates,
 *                    timestamps and their times, checkpoints not timestamped, segments chained)
 */
public record VerificationReport(long records, int checkpoints, List<String> problems, List<String> notes) {
    /** The note for a checkpoint without a time-stamp token ends with this. */
    public static final String NOT_TIMESTAMPED = ": not timestamped";

    public VerificationReport {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** True when nothing failed: every record, index line, root, signature, token and proof checked out. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** How many checkpoints carried no time-stamp token. */
    public long notTimestamped() {
        return notes.stream().filter(n -> n.endsWith(NOT_TIMESTAMPED)).count();
    }
}
