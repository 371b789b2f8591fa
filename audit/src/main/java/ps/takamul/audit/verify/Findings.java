package ps.takamul.audit.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems and notes of one verification. A hopelessly damaged bundle would otherwise name
 * every one of its million records: past {@value #MAX_PROBLEMS} problems only the count goes on.
 */
final class Findings {
    static final int MAX_PROBLEMS = 1000;

    private final String source;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long unlisted;

    /** @param source prefixed to every line ("A.zip: "), or empty for a single bundle */
    Findings(String source) {
        this.source = source;
    }

    void problem(String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(source + message);
        } else {
            unlisted++;
        }
    }

    void note(String message) {
        notes.add(source + message);
    }

    /** Whether the cap is reached: costly diagnosis can stop, the count goes on. */
    boolean saturated() {
        return problems.size() >= MAX_PROBLEMS;
    }

    boolean clean() {
        return problems.isEmpty();
    }

    List<String> problems() {
        List<String> all = new ArrayList<>(problems);
        if (unlisted > 0) {
            all.add(source + "and " + unlisted + " more problems not listed");
        }
        return all;
    }

    List<String> notes() {
        return notes;
    }
}
