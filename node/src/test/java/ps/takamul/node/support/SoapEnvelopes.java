package ps.takamul.node.support;

/**
 * X-Road SOAP 4.0 request envelopes for the tests. They state the Ministry of Labour's purpose
 * ({@link #PURPOSE}), which its agreement with the Interior asks for; services without purposes ignore it.
 */
public final class SoapEnvelopes {
    public static final String PURPOSE = "work-permit-check";

    private SoapEnvelopes() {
    }

    public static String request(String client, String service, String version, String messageId, String body) {
        String[] c = client.split("/");
        String[] s = service.split("/");
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
                    xmlns:xrd="http://x-road.eu/xsd/xroad.xsd" xmlns:id="http://x-road.eu/xsd/identifiers"
                    xmlns:tkm="http://takamul.ps/xsd/takamul.xsd" xmlns:cr="http://takamul.ps/examples/civil-registry/v1">
                  <soapenv:Header>
                    <xrd:client id:objectType="SUBSYSTEM"><id:xRoadInstance>%s</id:xRoadInstance><id:memberClass>%s</id:memberClass><id:memberCode>%s</id:memberCode><id:subsystemCode>%s</id:subsystemCode></xrd:client>
                    <xrd:service id:objectType="SERVICE"><id:xRoadInstance>%s</id:xRoadInstance><id:memberClass>%s</id:memberClass><id:memberCode>%s</id:memberCode><id:subsystemCode>%s</id:subsystemCode><id:serviceCode>%s</id:serviceCode>%s</xrd:service>
                    <xrd:id>%s</xrd:id>
                    <xrd:userId>PS-inspector-17</xrd:userId>
                    <xrd:protocolVersion>4.0</xrd:protocolVersion>
                    <tkm:purpose>%s</tkm:purpose>
                  </soapenv:Header>
                  <soapenv:Body>%s</soapenv:Body>
                </soapenv:Envelope>
                """.formatted(c[0], c[1], c[2], c[3], s[0], s[1], s[2], s[3], s[4],
                version == null ? "" : "<id:serviceVersion>" + version + "</id:serviceVersion>", messageId, PURPOSE, body);
    }

    public static String personById(String nationalId) {
        return "<cr:PersonByNationalIdRequest><cr:nationalId>" + nationalId + "</cr:nationalId></cr:PersonByNationalIdRequest>";
    }

    public static String familyExtract(String nationalId) {
        return "<cr:FamilyExtractRequest><cr:nationalId>" + nationalId + "</cr:nationalId></cr:FamilyExtractRequest>";
    }
}
