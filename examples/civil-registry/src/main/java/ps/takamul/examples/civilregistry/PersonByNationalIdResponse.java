package ps.takamul.examples.civilregistry;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

@XmlRootElement(name = "PersonByNationalIdResponse")
@XmlType(name = "PersonByNationalIdResponse", propOrder = {"person"})
public class PersonByNationalIdResponse {

    private Person person;

    public PersonByNationalIdResponse() {
    }

    public PersonByNationalIdResponse(Person person) {
        this.person = person;
    }

    public Person getPerson() {
        return person;
    }
}
