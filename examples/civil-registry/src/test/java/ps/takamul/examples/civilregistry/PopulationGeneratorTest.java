package ps.takamul.examples.civilregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PopulationGeneratorTest {

    private static Population population;
    private static Map<String, Person> byId;

    @BeforeAll
    static void generate() {
        population = PopulationGenerator.generate();
        byId = population.persons().stream().collect(Collectors.toMap(Person::getNationalId, Function.identity()));
    }

    @Test
    void generatesAtLeastTheDefaultSize() {
        assertThat(population.size()).isGreaterThanOrEqualTo(PopulationGenerator.DEFAULT_SIZE)
            .isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void idsAreValidAndUnique() {
        Set<String> seen = new HashSet<>();
        for (Person person : population.persons()) {
            assertThat(NationalId.isValid(person.getNationalId())).as(person.toString()).isTrue();
            assertThat(seen.add(person.getNationalId())).as("duplicate " + person).isTrue();
        }
    }

    @Test
    void sameSeedSameRegistryOtherSeedOtherRegistry() {
        assertThat(fingerprint(PopulationGenerator.generate(2026, 12_000))).isEqualTo(fingerprint(population));
        assertThat(fingerprint(PopulationGenerator.generate(7, 12_000))).isNotEqualTo(fingerprint(population));
    }

    @Test
    void spousesAreMarriedToEachOther() {
        for (Person person : population.persons()) {
            if (person.getSpouseId() == null) {
                assertThat(person.getMaritalStatus()).isEqualTo(MaritalStatus.SINGLE);
                continue;
            }
            Person spouse = byId.get(person.getSpouseId());
            assertThat(spouse).as("spouse of " + person).isNotNull();
            assertThat(spouse.getSpouseId()).isEqualTo(person.getNationalId());
            assertThat(spouse.getGender()).isNotEqualTo(person.getGender());
            assertThat(List.of(person.getMaritalStatus(), spouse.getMaritalStatus()))
                .containsOnly(MaritalStatus.MARRIED);
        }
    }

    @Test
    void childrenAgreeWithTheirParents() {
        int children = 0;
        for (Person child : population.persons()) {
            if (child.getFatherId() == null) {
                assertThat(child.getMotherId()).isNull();
                continue;
            }
            children++;
            Person father = byId.get(child.getFatherId());
            Person mother = byId.get(child.getMotherId());
            assertThat(father.getGender()).isEqualTo(Gender.M);
            assertThat(mother.getGender()).isEqualTo(Gender.F);
            assertThat(father.getSpouseId()).isEqualTo(mother.getNationalId());
            // The four-part name: the child's father and grandfather are the father's first and father's names.
            assertThat(child.getFatherNameAr()).isEqualTo(father.getFirstNameAr());
            assertThat(child.getFatherNameEn()).isEqualTo(father.getFirstNameEn());
            assertThat(child.getGrandfatherNameAr()).isEqualTo(father.getFatherNameAr());
            assertThat(child.getGrandfatherNameEn()).isEqualTo(father.getFatherNameEn());
            assertThat(child.getFamilyNameAr()).isEqualTo(father.getFamilyNameAr());
            assertThat(child.getFamilyNameEn()).isEqualTo(father.getFamilyNameEn());
            assertThat(ageGap(father, child)).as("father of " + child).isBetween(20, 45);
            assertThat(ageGap(mother, child)).as("mother of " + child).isBetween(20, 45);
        }
        assertThat(children).isGreaterThan(population.size() / 3);
    }

    @Test
    void someFathersHaveTheirOwnParentsOnTheRegistry() {
        long withGrandparents = population.persons().stream()
            .filter(p -> p.getFatherId() != null && byId.get(p.getFatherId()).getFatherId() != null)
            .count();
        assertThat(withGrandparents).isGreaterThan(100);
    }

    @Test
    void wivesKeepTheirOwnFamilyName() {
        for (Person person : population.persons()) {
            if (person.getGender() == Gender.F && person.getSpouseId() != null) {
                assertThat(person.getFamilyNameEn()).isNotEqualTo(byId.get(person.getSpouseId()).getFamilyNameEn());
            }
        }
    }

    @Test
    void namesPlacesAndDatesLookReal() {
        LocalDate earliest = LocalDate.of(1940, 1, 1);
        LocalDate latest = LocalDate.of(2024, 12, 31);
        for (Person person : population.persons()) {
            assertThat(person.getFirstNameAr()).matches("[\\p{IsArabic} ]+");
            assertThat(person.getFamilyNameAr()).matches("[\\p{IsArabic} ]+");
            assertThat(person.getBirthPlaceAr()).matches("[\\p{IsArabic} ]+");
            assertThat(person.getFirstNameEn()).matches("[A-Za-z' -]+");
            assertThat(LocalDate.parse(person.getBirthDate())).isBetween(earliest, latest);
        }
        assertThat(population.persons()).extracting(Person::getBirthPlaceEn).contains("Gaza", "Hebron", "Nablus");
    }

    @Test
    void householdsHaveZeroToSixChildren() {
        Map<String, Long> childrenPerFather = population.persons().stream()
            .filter(p -> p.getFatherId() != null)
            .collect(Collectors.groupingBy(Person::getFatherId, Collectors.counting()));
        assertThat(childrenPerFather.values()).allMatch(n -> n <= 6).contains(6L);
        long childlessCouples = population.persons().stream()
            .filter(p -> p.getGender() == Gender.M && p.getSpouseId() != null)
            .filter(p -> !childrenPerFather.containsKey(p.getNationalId()))
            .count();
        assertThat(childlessCouples).isPositive();
    }

    @Test
    void familyOfAnyMemberIsTheFathersFamily() {
        Person child = population.persons().stream().filter(p -> p.getFatherId() != null).findFirst().orElseThrow();
        Person father = byId.get(child.getFatherId());
        Family viaChild = population.familyOf(child.getNationalId()).orElseThrow();
        Family viaMother = population.familyOf(child.getMotherId()).orElseThrow();
        Family viaFather = population.familyOf(father.getNationalId()).orElseThrow();

        assertThat(viaChild.head()).isSameAs(father);
        assertThat(viaMother).usingRecursiveComparison().isEqualTo(viaChild);
        assertThat(viaFather).usingRecursiveComparison().isEqualTo(viaChild);
        assertThat(viaChild.members().get(0).getRelation()).isEqualTo(Relation.SPOUSE);
        assertThat(viaChild.members().get(0).getPerson().getNationalId()).isEqualTo(child.getMotherId());
        assertThat(viaChild.members()).extracting(FamilyMember::getPerson).contains(child);
        for (FamilyMember member : viaChild.members().subList(1, viaChild.members().size())) {
            assertThat(member.getRelation())
                .isEqualTo(member.getPerson().getGender() == Gender.M ? Relation.SON : Relation.DAUGHTER);
            assertThat(member.getPerson().getFatherId()).isEqualTo(father.getNationalId());
        }
    }

    @Test
    void lookupAndSampling() {
        List<String> sample = population.sampleIds(500);
        assertThat(sample).hasSize(500).doesNotHaveDuplicates().allMatch(id -> population.byId(id).isPresent());
        assertThat(population.sampleIds(500)).isEqualTo(sample);
        assertThat(population.byId(NationalId.withCheckDigit("10000000"))).isEmpty();
        assertThat(population.familyOf("not-an-id")).isEmpty();
    }

    private static int ageGap(Person older, Person younger) {
        LocalDate born = LocalDate.parse(older.getBirthDate());
        return Period.between(born, LocalDate.parse(younger.getBirthDate())).getYears();
    }

    private static List<String> fingerprint(Population population) {
        return population.persons().stream()
            .map(p -> String.join("|", p.getNationalId(), p.getFirstNameAr(), p.getFamilyNameEn(), p.getBirthDate(),
                String.valueOf(p.getFatherId()), String.valueOf(p.getSpouseId())))
            .toList();
    }
}
