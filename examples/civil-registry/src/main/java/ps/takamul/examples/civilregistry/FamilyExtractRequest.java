package ps.takamul.examples.civilregistry;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Asks for the family extract (إخراج قيد) of the family a person belongs to. */
@XmlRootElement(name = "FamilyExtractRequest")
@XmlType(name = "FamilyExtractRequest", propOrder = {"nationalId"})
public class FamilyExtractRequest {

    private String nationalId;

    public FamilyExtractRequest() {
    }

    public FamilyExtractRequest(String nationalId) {
        this.nationalId = nationalId;
    }

    public String getNationalId() {
        return nationalId;
    }
}
