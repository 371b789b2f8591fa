package ps.takamul.examples.civilregistry;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;

/**
 * The registry's SOAP contract, written code-first. Document/literal bare: each message is exactly one element in
 * {@link #NAMESPACE}, named by the annotations below, which is what the bus builds and parses.
 */
@WebService(name = "CivilRegistry", targetNamespace = CivilRegistry.NAMESPACE)
@SOAPBinding(style = SOAPBinding.Style.DOCUMENT, use = SOAPBinding.Use.LITERAL,
    parameterStyle = SOAPBinding.ParameterStyle.BARE)
public interface CivilRegistry {

    String NAMESPACE = "http://takamul.ps/examples/civil-registry/v1";
    String PERSON_BY_NATIONAL_ID_ACTION = NAMESPACE + "/PersonByNationalId";
    String FAMILY_EXTRACT_ACTION = NAMESPACE + "/FamilyExtract";

    @WebMethod(operationName = "PersonByNationalId", action = PERSON_BY_NATIONAL_ID_ACTION)
    @WebResult(name = "PersonByNationalIdResponse", targetNamespace = NAMESPACE, partName = "response")
    PersonByNationalIdResponse personByNationalId(
        @WebParam(name = "PersonByNationalIdRequest", targetNamespace = NAMESPACE, partName = "request")
        PersonByNationalIdRequest request) throws RegistryFault;

    @WebMethod(operationName = "FamilyExtract", action = FAMILY_EXTRACT_ACTION)
    @WebResult(name = "FamilyExtractResponse", targetNamespace = NAMESPACE, partName = "response")
    FamilyExtractResponse familyExtract(
        @WebParam(name = "FamilyExtractRequest", targetNamespace = NAMESPACE, partName = "request")
        FamilyExtractRequest request) throws RegistryFault;
}
