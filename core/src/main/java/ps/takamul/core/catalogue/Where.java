package ps.takamul.core.catalogue;

import java.util.ArrayList;
import java.util.List;
import ps.takamul.core.yaml.YamlLines;

/**
 * Where an entry of a catalogue file is: its path, to find its line, and how people read it, with
 * the identifiers of the entries on the way ({@code members[0] (PS/GOV/MOI).subsystems[0]}).
 */
record Where(String file, YamlLines lines, List<Object> path, String shown) {

    static Where top(String file, YamlLines lines) {
        return new Where(file, lines, List.of(), "");
    }

    Where item(String list, int index) {
        return new Where(file, lines, append(append(path, list), index), (shown.isEmpty() ? "" : shown + ".") + list + "[" + index + "]");
    }

    Where field(String key) {
        return new Where(file, lines, append(path, key), shown + "." + key);
    }

    Where named(Object id) {
        return new Where(file, lines, path, shown + " (" + id + ")");
    }

    /** {@code moi.yaml: line 12: members[0] (PS/GOV/MOI).subsystems[0].code: message}. */
    String problem(String message) {
        return file + ": line " + lines.lineOf(path) + ": " + shown + ": " + message;
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return List.copyOf(longer);
    }
}
