package ps.takamul.core.catalogue;

/**
 * Where a request to a service names the person it is about (their national ID), so the audit
 * log can record whose data was asked for.
 *
 * @param in      which part of the request holds it
 * @param name    the path parameter, query parameter or header, for {@code PATH}, {@code QUERY}
 *                and {@code HEADER}; null otherwise
 * @param pointer a JSON Pointer ({@code /person/nationalId}) for {@code JSON}, an element path by
 *                local name ({@code /PersonByNationalId/nationalId}) for {@code XML}; null otherwise
 */
public record DataSubject(Location in, String name, String pointer) {

    public enum Location {
        PATH, QUERY, HEADER, JSON, XML
    }
}
