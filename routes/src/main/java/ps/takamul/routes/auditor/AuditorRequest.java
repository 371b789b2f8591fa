package ps.takamul.routes.auditor;

import ps.takamul.routes.page.Language;

import java.util.Map;

/**
 * One authenticated, authorised request of an auditor interface.
 *
 * @param auditor  who asks
 * @param path     the path parameters by name, e.g. {@code seq}
 * @param query    the query parameters
 * @param language the page language ({@code ?lang=en}); the API ignores it
 */
record AuditorRequest(Auditor auditor, Map<String, String> path, QueryParameters query, Language language) {

    String pathParameter(String name) {
        return path.get(name);
    }

    /** A path parameter that must be a sequence number. */
    long sequence(String name) {
        String value = path.get(name);
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Refusal.badRequest(name + " must be a record's sequence number, not '" + QueryParameters.printable(value) + "'");
    }
}
