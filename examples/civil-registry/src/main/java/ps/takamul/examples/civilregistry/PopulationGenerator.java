package ps.takamul.examples.civilregistry;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates a synthetic population household by household, so that kinship links, names and birth dates agree
 * with each other. Everything comes from one seeded {@link Random}: the same seed gives the same registry, which
 * lets tests and benchmarks name persons that will exist.
 */
public final class PopulationGenerator {

    public static final long DEFAULT_SEED = 2026;
    public static final int DEFAULT_SIZE = 12_000;

    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1940, 1, 1);
    static final LocalDate LATEST_BIRTH = LocalDate.of(2024, 12, 31);
    static final int MIN_PARENT_AGE = 20;
    static final int MAX_PARENT_AGE = 45;

    /** Cumulative weights for 0..6 children: most households have three to five. */
    private static final int[] CHILDREN_CUMULATIVE = {6, 16, 32, 52, 72, 88, 100};
    /** Palestinian ids issued in the West Bank and Gaza mostly start with these digits. */
    private static final String FIRST_DIGITS = "489";

    private final Random random;
    private final Set<String> issuedIds = new HashSet<>();
    private final List<Person> persons = new ArrayList<>();

    private PopulationGenerator(long seed) {
        this.random = new Random(seed);
    }

    public static Population generate() {
        return generate(DEFAULT_SEED, DEFAULT_SIZE);
    }

    /** At least {@code minSize} persons: the last household is never cut short, so links stay whole. */
    public static Population generate(long seed, int minSize) {
        PopulationGenerator generator = new PopulationGenerator(seed);
        while (generator.persons.size() < minSize) {
            generator.household();
        }
        return new Population(generator.persons);
    }

    private void household() {
        Bilingual family = pick(Names.FAMILY);
        Bilingual home = pick(Names.CITIES);
        Bilingual paternalGrandfather = pick(Names.MALE);
        Bilingual greatGrandfather = pick(Names.MALE);
        Bilingual fatherName = pickOtherThan(Names.MALE, paternalGrandfather);
        LocalDate fatherBirth = dateBetween(LocalDate.of(1955, 1, 1), LocalDate.of(1996, 12, 31));
        LocalDate motherBirth = dateBetween(fatherBirth, fatherBirth.plusYears(8));
        String fatherId = issueId();
        String motherId = issueId();

        // A quarter of the fathers still have their own parents on the registry, when their ages allow it.
        String[] grandparentIds = {null, null};
        if (random.nextInt(4) == 0 && !fatherBirth.minusYears(MIN_PARENT_AGE).isBefore(EARLIEST_BIRTH)) {
            grandparentIds = grandparents(family, paternalGrandfather, greatGrandfather, fatherBirth);
        }

        persons.add(new Person(fatherId, fatherName, paternalGrandfather, greatGrandfather, family, Gender.M,
            fatherBirth, random.nextInt(10) < 7 ? home : pick(Names.CITIES), MaritalStatus.MARRIED,
            grandparentIds[0], grandparentIds[1], motherId));
        // A wife keeps her own father's name and family name.
        persons.add(new Person(motherId, pick(Names.FEMALE), pick(Names.MALE), pick(Names.MALE),
            pickOtherThan(Names.FAMILY, family), Gender.F, motherBirth, pick(Names.CITIES), MaritalStatus.MARRIED,
            null, null, fatherId));

        children(fatherId, motherId, fatherName, paternalGrandfather, family, home, fatherBirth, motherBirth);
    }

    /** Adds the father's parents as a married couple and returns their ids. */
    private String[] grandparents(Bilingual family, Bilingual firstName, Bilingual fatherName, LocalDate sonBirth) {
        LocalDate latest = sonBirth.minusYears(MIN_PARENT_AGE);
        LocalDate earliest = max(sonBirth.minusYears(MAX_PARENT_AGE), EARLIEST_BIRTH);
        LocalDate grandfatherBirth = dateBetween(earliest, latest);
        LocalDate grandmotherBirth = dateBetween(grandfatherBirth, min(grandfatherBirth.plusYears(8), latest));
        String grandfatherId = issueId();
        String grandmotherId = issueId();
        persons.add(new Person(grandfatherId, firstName, fatherName, pick(Names.MALE), family, Gender.M,
            grandfatherBirth, pick(Names.CITIES), MaritalStatus.MARRIED, null, null, grandmotherId));
        persons.add(new Person(grandmotherId, pick(Names.FEMALE), pick(Names.MALE), pick(Names.MALE),
            pickOtherThan(Names.FAMILY, family), Gender.F, grandmotherBirth, pick(Names.CITIES),
            MaritalStatus.MARRIED, null, null, grandfatherId));
        return new String[] {grandfatherId, grandmotherId};
    }

    private void children(String fatherId, String motherId, Bilingual fatherName, Bilingual grandfatherName,
                          Bilingual family, Bilingual home, LocalDate fatherBirth, LocalDate motherBirth) {
        // Both parents must be 20 to 45 years older than each child.
        LocalDate earliest = max(fatherBirth, motherBirth).plusYears(MIN_PARENT_AGE);
        LocalDate latest = min(min(fatherBirth, motherBirth).plusYears(MAX_PARENT_AGE), LATEST_BIRTH);
        if (earliest.isAfter(latest)) {
            return;
        }
        List<LocalDate> births = new ArrayList<>();
        for (int i = childCount(); i > 0; i--) {
            births.add(dateBetween(earliest, latest));
        }
        births.sort(null);

        Set<Bilingual> namesTaken = new HashSet<>(List.of(fatherName));
        boolean firstSon = true;
        for (LocalDate birth : births) {
            Gender gender = random.nextBoolean() ? Gender.M : Gender.F;
            Bilingual firstName;
            if (gender == Gender.M && firstSon && random.nextBoolean()) {
                // Custom: the eldest son is often named after his paternal grandfather.
                firstName = grandfatherName;
            } else {
                firstName = pickUnused(gender == Gender.M ? Names.MALE : Names.FEMALE, namesTaken);
            }
            firstSon &= gender != Gender.M;
            namesTaken.add(firstName);
            persons.add(new Person(issueId(), firstName, fatherName, grandfatherName, family, gender, birth,
                random.nextInt(10) < 8 ? home : pick(Names.CITIES), MaritalStatus.SINGLE, fatherId, motherId, null));
        }
    }

    private int childCount() {
        int roll = random.nextInt(100);
        int count = 0;
        while (roll >= CHILDREN_CUMULATIVE[count]) {
            count++;
        }
        return count;
    }

    private String issueId() {
        String id;
        do {
            StringBuilder serial = new StringBuilder(8);
            serial.append(FIRST_DIGITS.charAt(random.nextInt(FIRST_DIGITS.length())));
            for (int i = 1; i < 8; i++) {
                serial.append((char) ('0' + random.nextInt(10)));
            }
            id = NationalId.withCheckDigit(serial.toString());
        } while (!issuedIds.add(id));
        return id;
    }

    private LocalDate dateBetween(LocalDate from, LocalDate to) {
        LocalDate last = min(to, LATEST_BIRTH);
        long days = ChronoUnit.DAYS.between(from, last);
        return days <= 0 ? from : from.plusDays(random.nextInt((int) days + 1));
    }

    private Bilingual pick(List<Bilingual> names) {
        return names.get(random.nextInt(names.size()));
    }

    private Bilingual pickOtherThan(List<Bilingual> names, Bilingual excluded) {
        return pickUnused(names, Set.of(excluded));
    }

    private Bilingual pickUnused(List<Bilingual> names, Set<Bilingual> taken) {
        Bilingual name;
        do {
            name = pick(names);
        } while (taken.contains(name));
        return name;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
