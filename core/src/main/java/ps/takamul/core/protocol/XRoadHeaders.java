package ps.takamul.core.protocol;

/**
 * Header names of X-Road's REST message protocol (r1), which Takamul speaks unchanged so that an
 * existing X-Road client works, plus Takamul's own additions.
 */
public final class XRoadHeaders {
    public static final String CLIENT = "X-Road-Client";
    public static final String ID = "X-Road-Id";
    public static final String USER_ID = "X-Road-UserId";
    public static final String ISSUE = "X-Road-Issue";
    public static final String SERVICE = "X-Road-Service";
    public static final String REQUEST_ID = "X-Road-Request-Id";
    public static final String ERROR = "X-Road-Error";
    /** Takamul: the legal basis or purpose code under which the data is requested. */
    public static final String PURPOSE = "Takamul-Purpose";

    /** SOAP header namespace of X-Road message protocol 4.0. */
    public static final String XROAD_NS = "http://x-road.eu/xsd/xroad.xsd";
    /** SOAP namespace of X-Road's identifiers (client and service). */
    public static final String IDENTIFIERS_NS = "http://x-road.eu/xsd/identifiers";
    /** SOAP header namespace of Takamul's additions. */
    public static final String TAKAMUL_NS = "http://takamul.ps/xsd/takamul.xsd";
    public static final String PROTOCOL_VERSION = "4.0";

    private XRoadHeaders() {
    }
}
