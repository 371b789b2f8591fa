package ps.takamul.examples.civilregistry;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

@XmlRootElement(name = "PersonByNationalIdRequest")
@XmlType(name = "PersonByNationalIdRequest", propOrder = {"nationalId"})
public class PersonByNationalIdRequest {

    private String nationalId;

    public PersonByNationalIdRequest() {
    }

    public PersonByNationalIdRequest(String nationalId) {
        this.nationalId = nationalId;
    }

    public String getNationalId() {
        return nationalId;
    }
}
