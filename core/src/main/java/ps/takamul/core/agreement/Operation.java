package ps.takamul.core.agreement;

import java.util.Locale;
import java.util.Objects;

/**
 * One operation an agreement allows: a REST method and path template below the service
 * ({@code GET /{nationalId}}, {@code {name}} matching one path segment, a final {@code **}
 * matching the rest), or a SOAP operation by the payload's element name ({@code SOAP PersonByNationalId}, {@code SOAP *} for any).
 */
public record Operation(String method, String path) {
    public static final String SOAP = "SOAP";

    public Operation {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        if (!method.equals(SOAP) && !path.startsWith("/") && !path.isEmpty()) {
            throw new IllegalArgumentException("a REST path template starts with '/': " + path);
        }
    }

    /** Parses {@code "GET /{nationalId}"} or {@code "SOAP PersonByNationalId"}. */
    public static Operation parse(String text) {
        String[] parts = text.strip().split("\\s+", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("an operation is 'METHOD /path/template' or 'SOAP OperationName': " + text);
        }
        return new Operation(parts[0], parts[1]);
    }

    /** Whether a request with this method and path (below the service, e.g. {@code /848991048}) is this operation. */
    public boolean matches(String requestMethod, String requestPath) {
        if (!method.equalsIgnoreCase(requestMethod)) {
            return false;
        }
        if (method.equals(SOAP)) {
            return path.equals("*") || path.equals(requestPath);
        }
        String[] template = segments(path);
        String[] actual = segments(requestPath == null ? "" : requestPath);
        for (int i = 0; i < template.length; i++) {
            if (template[i].equals("**") && i == template.length - 1) {
                return true;
            }
            if (i >= actual.length) {
                return false;
            }
            boolean variable = template[i].startsWith("{") && template[i].endsWith("}");
            if (!variable && !template[i].equals(actual[i])) {
                return false;
            }
            if (variable && actual[i].isEmpty()) {
                return false;
            }
        }
        return template.length == actual.length;
    }

    /**
     * The value a request path gives this operation's path variable ({@code nationalId} in
     * {@code GET /{nationalId}}), or null when the path does not match or has no such variable.
     */
    public String variable(String name, String requestMethod, String requestPath) {
        if (!matches(requestMethod, requestPath)) {
            return null;
        }
        String[] template = segments(path);
        String[] actual = segments(requestPath);
        for (int i = 0; i < template.length && i < actual.length; i++) {
            if (template[i].equals("{" + name + "}")) {
                return actual[i];
            }
        }
        return null;
    }

    private static String[] segments(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
