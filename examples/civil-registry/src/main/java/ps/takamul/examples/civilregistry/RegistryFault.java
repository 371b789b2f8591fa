package ps.takamul.examples.civilregistry;

import jakarta.xml.ws.WebFault;

/**
 * A refusal by the registry, sent as a SOAP fault. The faultstring starts with a stable code ({@code CODE: reason})
 * because the bus maps faults by that prefix, not by the wording after it.
 */
@WebFault(name = "RegistryError", targetNamespace = CivilRegistry.NAMESPACE)
public class RegistryFault extends Exception {

    public static final String INVALID_NATIONAL_ID = "INVALID_NATIONAL_ID";
    public static final String PERSON_NOT_FOUND = "PERSON_NOT_FOUND";

    private final RegistryError faultInfo;

    public RegistryFault(String message, RegistryError faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    static RegistryFault invalidNationalId(String nationalId) {
        return of(INVALID_NATIONAL_ID, "'" + nationalId + "' is not 9 digits with a valid check digit");
    }

    static RegistryFault personNotFound(String nationalId) {
        return of(PERSON_NOT_FOUND, "no person with national id " + nationalId);
    }

    private static RegistryFault of(String code, String reason) {
        return new RegistryFault(code + ": " + reason, new RegistryError(code, reason));
    }

    public RegistryError getFaultInfo() {
        return faultInfo;
    }
}
