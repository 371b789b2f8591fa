package ps.takamul.core.catalogue;

/** The kind of document that describes a service's interface: OpenAPI 3 for REST, WSDL for SOAP. */
public enum ContractType {
    OPENAPI("openapi"), WSDL("wsdl");

    private final String key;

    ContractType(String key) {
        this.key = key;
    }

    /** The catalogue key that names it. */
    public String key() {
        return key;
    }

    public static ContractType of(ServiceProtocol protocol) {
        return protocol == ServiceProtocol.REST ? OPENAPI : WSDL;
    }
}
