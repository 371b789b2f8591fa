package ps.takamul.examples.civilregistry;

import java.util.List;

/** A family record (قيد العائلة): the head of the family, then the spouse and the children. */
public record Family(Person head, List<FamilyMember> members) {

    public Family {
        members = List.copyOf(members);
    }
}
