package ps.takamul.core.catalogue;

/** The unit that answers for a service, and the e-mail address that reaches it. */
public record Owner(BilingualText unit, String contact) {
}
