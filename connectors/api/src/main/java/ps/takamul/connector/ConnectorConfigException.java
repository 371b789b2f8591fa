package ps.takamul.connector;

import java.util.List;

/** A catalogue entry's connector settings do not satisfy the connector's {@link ConfigDef}. */
public class ConnectorConfigException extends RuntimeException {
    private final List<String> problems;

    public ConnectorConfigException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
