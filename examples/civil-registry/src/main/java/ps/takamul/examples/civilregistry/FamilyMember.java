package ps.takamul.examples.civilregistry;

import jakarta.xml.bind.annotation.XmlType;

/** One {@code member} of a family extract: how the person relates to the head of the family, then the person. */
@XmlType(name = "FamilyMember", propOrder = {"relation", "person"})
public class FamilyMember {

    private Relation relation;
    private Person person;

    /** For JAXB. */
    protected FamilyMember() {
    }

    public FamilyMember(Relation relation, Person person) {
        this.relation = relation;
        this.person = person;
    }

    public Relation getRelation() {
        return relation;
    }

    public Person getPerson() {
        return person;
    }
}
