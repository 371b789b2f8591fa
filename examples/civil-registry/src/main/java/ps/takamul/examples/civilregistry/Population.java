package ps.takamul.examples.civilregistry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry's data: persons indexed by national id, and children indexed by their father. */
public final class Population {

    private final List<Person> persons;
    private final Map<String, Person> byId = new HashMap<>();
    private final Map<String, List<Person>> childrenByFather = new HashMap<>();

    public Population(List<Person> persons) {
        this.persons = List.copyOf(persons);
        for (Person person : this.persons) {
            if (byId.put(person.getNationalId(), person) != null) {
                throw new IllegalArgumentException("duplicate national id " + person.getNationalId());
            }
            if (person.getFatherId() != null) {
                childrenByFather.computeIfAbsent(person.getFatherId(), id -> new ArrayList<>()).add(person);
            }
        }
    }

    public int size() {
        return persons.size();
    }

    public List<Person> persons() {
        return persons;
    }

    public Optional<Person> byId(String nationalId) {
        return Optional.ofNullable(byId.get(nationalId));
    }

    /**
     * The family record the person belongs to. A married man heads his own family; a married woman is in her
     * husband's; an unmarried person is in the father's. Someone with none of these on the registry heads a family
     * of one.
     */
    public Optional<Family> familyOf(String nationalId) {
        return byId(nationalId).map(this::headOf).map(this::familyHeadedBy);
    }

    /** {@code n} ids spread evenly over the registry, the same ones every time for the same population. */
    public List<String> sampleIds(int n) {
        if (n < 0 || n > persons.size()) {
            throw new IllegalArgumentException("cannot sample " + n + " of " + persons.size() + " persons");
        }
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(persons.get((int) ((long) i * persons.size() / n)).getNationalId());
        }
        return ids;
    }

    private Person headOf(Person person) {
        if (person.getMaritalStatus() == MaritalStatus.MARRIED) {
            return person.getGender() == Gender.M ? person : byId(person.getSpouseId()).orElse(person);
        }
        return person.getFatherId() == null ? person : byId(person.getFatherId()).orElse(person);
    }

    private Family familyHeadedBy(Person head) {
        List<FamilyMember> members = new ArrayList<>();
        if (head.getSpouseId() != null) {
            byId(head.getSpouseId()).ifPresent(spouse -> members.add(new FamilyMember(Relation.SPOUSE, spouse)));
        }
        for (Person child : childrenByFather.getOrDefault(head.getNationalId(), Collections.emptyList())) {
            members.add(new FamilyMember(child.getGender() == Gender.M ? Relation.SON : Relation.DAUGHTER, child));
        }
        return new Family(head, members);
    }
}
