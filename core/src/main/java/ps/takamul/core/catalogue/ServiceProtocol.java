package ps.takamul.core.catalogue;

/** How clients reach a service: X-Road REST r1 or X-Road SOAP 4.0. */
public enum ServiceProtocol {
    REST, SOAP
}
