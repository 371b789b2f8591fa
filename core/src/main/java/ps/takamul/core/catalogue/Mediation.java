package ps.takamul.core.catalogue;

/**
 * Optional Camel endpoints (usually {@code direct:} routes written in YAML under
 * {@code routes/mediation/}) that transform a request before the connector sends it to the
 * provider, and the answer before it returns to the client. Either may be null.
 */
public record Mediation(String request, String response) {
    public static final Mediation NONE = new Mediation(null, null);
}
