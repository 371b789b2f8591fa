package ps.takamul.core.catalogue;

/**
 * What the audit log keeps of a service's message bodies. Bodies carry personal data, so keeping
 * them whole is a choice the catalogue states, per member or per service.
 *
 * <ul>
 *   <li>{@code NONE}: nothing about the bodies.</li>
 *   <li>{@code METADATA}: their size, content type and digest, not their content (the default).</li>
 *   <li>{@code FULL}: the bodies themselves.</li>
 * </ul>
 */
public enum BodyLogging {
    NONE, METADATA, FULL
}
