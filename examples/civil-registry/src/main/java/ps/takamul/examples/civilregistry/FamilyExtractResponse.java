package ps.takamul.examples.civilregistry;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

@XmlRootElement(name = "FamilyExtractResponse")
@XmlType(name = "FamilyExtractResponse", propOrder = {"headOfFamily", "members"})
public class FamilyExtractResponse {

    private Person headOfFamily;
    @XmlElement(name = "member")
    private List<FamilyMember> members = new ArrayList<>();

    public FamilyExtractResponse() {
    }

    public FamilyExtractResponse(Family family) {
        this.headOfFamily = family.head();
        this.members = new ArrayList<>(family.members());
    }

    public Person getHeadOfFamily() {
        return headOfFamily;
    }

    public List<FamilyMember> getMembers() {
        return members;
    }
}
