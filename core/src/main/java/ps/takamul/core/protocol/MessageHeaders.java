package ps.takamul.core.protocol;

/**
 * Names of the message headers that carry an exchange's metadata across the broker, between the
 * ingress routes and the provider routes. They are valid JMS property names (no '-' or '.'), so
 * they cross Artemis untouched, and they never reach a client or a provider as HTTP headers.
 */
public final class MessageHeaders {
    public static final String SERVICE = "takamulService";
    public static final String CLIENT = "takamulClient";
    public static final String MESSAGE_ID = "takamulMessageId";
    public static final String USER_ID = "takamulUserId";
    public static final String ISSUE = "takamulIssue";
    public static final String PURPOSE = "takamulPurpose";
    /** REST only: HTTP method, the path below the service, and the raw query string. */
    public static final String METHOD = "takamulMethod";
    public static final String PATH = "takamulPath";
    public static final String QUERY = "takamulQuery";
    public static final String CONTENT_TYPE = "takamulContentType";
    /** Set on replies: the provider's HTTP status, or an error code and its detail. */
    public static final String STATUS = "takamulStatus";
    public static final String ERROR = "takamulError";
    public static final String ERROR_DETAIL = "takamulErrorDetail";

    private MessageHeaders() {
    }
}
