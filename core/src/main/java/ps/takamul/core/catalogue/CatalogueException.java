package ps.takamul.core.catalogue;

import java.util.List;

/** The catalogue cannot be used; each problem names the file, the entry and what is wrong. */
public class CatalogueException extends RuntimeException {
    private final List<String> problems;

    public CatalogueException(List<String> problems) {
        super("Invalid service catalogue:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
