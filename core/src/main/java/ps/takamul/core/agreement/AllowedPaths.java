package ps.takamul.core.agreement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An agreement's allowed paths compiled into a tree, so reducing a document is one walk with a
 * single map lookup per field instead of matching every path against every field.
 *
 * <p>A wildcard segment ({@value #ANY}) matches any name at its level. While compiling, what a
 * wildcard allows is merged into each named sibling, so {@link #child} never has to follow two
 * branches. Nodes are never changed once compiled.
 */
final class AllowedPaths {
    static final String ANY = "*";

    private final Map<String, AllowedPaths> named = new HashMap<>();
    private AllowedPaths any;
    private boolean whole;

    private AllowedPaths() {
    }

    /** Compiles paths given as their (already unescaped) segments. */
    static AllowedPaths compile(List<List<String>> paths) {
        AllowedPaths raw = new AllowedPaths();
        for (List<String> segments : paths) {
            raw.add(segments, 0);
        }
        return raw.determinise();
    }

    /** True when this node itself was allowed, which allows everything below it. */
    boolean whole() {
        return whole;
    }

    /** What is allowed under the child called {@code name}, or null when that child is not allowed. */
    AllowedPaths child(String name) {
        AllowedPaths exact = named.get(name);
        return exact != null ? exact : any;
    }

    private void add(List<String> segments, int index) {
        if (index == segments.size()) {
            whole = true;
            return;
        }
        String segment = segments.get(index);
        AllowedPaths next;
        if (ANY.equals(segment)) {
            if (any == null) {
                any = new AllowedPaths();
            }
            next = any;
        } else {
            next = named.computeIfAbsent(segment, s -> new AllowedPaths());
        }
        next.add(segments, index + 1);
    }

    private AllowedPaths determinise() {
        AllowedPaths d = new AllowedPaths();
        d.whole = whole;
        if (!whole) {
            d.any = any == null ? null : any.determinise();
            named.forEach((name, child) -> d.named.put(name, union(child, any).determinise()));
        }
        return d;
    }

    private static AllowedPaths union(AllowedPaths a, AllowedPaths b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        AllowedPaths u = new AllowedPaths();
        u.whole = a.whole || b.whole;
        if (!u.whole) {
            u.any = union(a.any, b.any);
            u.named.putAll(a.named);
            b.named.forEach((name, child) -> u.named.merge(name, child, AllowedPaths::union));
        }
        return u;
    }
}
