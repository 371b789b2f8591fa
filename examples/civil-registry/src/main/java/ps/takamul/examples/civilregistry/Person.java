package ps.takamul.examples.civilregistry;

import java.time.LocalDate;

import jakarta.xml.bind.annotation.XmlType;

/**
 * One entry of the civil registry. The element order is part of the wire contract; the three kinship ids are
 * omitted from the XML when null (JAXB leaves out null fields unless nillable).
 */
@XmlType(name = "Person", propOrder = {
    "nationalId",
    "firstNameAr", "firstNameEn",
    "fatherNameAr", "fatherNameEn",
    "grandfatherNameAr", "grandfatherNameEn",
    "familyNameAr", "familyNameEn",
    "gender", "birthDate", "birthPlaceAr", "birthPlaceEn", "maritalStatus",
    "fatherId", "motherId", "spouseId"
})
public class Person {

    private String nationalId;
    private String firstNameAr;
    private String firstNameEn;
    private String fatherNameAr;
    private String fatherNameEn;
    private String grandfatherNameAr;
    private String grandfatherNameEn;
    private String familyNameAr;
    private String familyNameEn;
    private Gender gender;
    /** ISO yyyy-MM-dd, kept as text because that is how the legacy registry sends it. */
    private String birthDate;
    private String birthPlaceAr;
    private String birthPlaceEn;
    private MaritalStatus maritalStatus;
    private String fatherId;
    private String motherId;
    private String spouseId;

    /** For JAXB. */
    protected Person() {
    }

    public Person(String nationalId, Bilingual firstName, Bilingual fatherName, Bilingual grandfatherName,
                  Bilingual familyName, Gender gender, LocalDate birthDate, Bilingual birthPlace,
                  MaritalStatus maritalStatus, String fatherId, String motherId, String spouseId) {
        this.nationalId = nationalId;
        this.firstNameAr = firstName.arabic();
        this.firstNameEn = firstName.latin();
        this.fatherNameAr = fatherName.arabic();
        this.fatherNameEn = fatherName.latin();
        this.grandfatherNameAr = grandfatherName.arabic();
        this.grandfatherNameEn = grandfatherName.latin();
        this.familyNameAr = familyName.arabic();
        this.familyNameEn = familyName.latin();
        this.gender = gender;
        this.birthDate = birthDate.toString();
        this.birthPlaceAr = birthPlace.arabic();
        this.birthPlaceEn = birthPlace.latin();
        this.maritalStatus = maritalStatus;
        this.fatherId = fatherId;
        this.motherId = motherId;
        this.spouseId = spouseId;
    }

    public String getNationalId() {
        return nationalId;
    }

    public String getFirstNameAr() {
        return firstNameAr;
    }

    public String getFirstNameEn() {
        return firstNameEn;
    }

    public String getFatherNameAr() {
        return fatherNameAr;
    }

    public String getFatherNameEn() {
        return fatherNameEn;
    }

    public String getGrandfatherNameAr() {
        return grandfatherNameAr;
    }

    public String getGrandfatherNameEn() {
        return grandfatherNameEn;
    }

    public String getFamilyNameAr() {
        return familyNameAr;
    }

    public String getFamilyNameEn() {
        return familyNameEn;
    }

    public Gender getGender() {
        return gender;
    }

    public String getBirthDate() {
        return birthDate;
    }

    public String getBirthPlaceAr() {
        return birthPlaceAr;
    }

    public String getBirthPlaceEn() {
        return birthPlaceEn;
    }

    public MaritalStatus getMaritalStatus() {
        return maritalStatus;
    }

    public String getFatherId() {
        return fatherId;
    }

    public String getMotherId() {
        return motherId;
    }

    public String getSpouseId() {
        return spouseId;
    }

    /** The four-part name as an Arab registry writes it: first, father, grandfather, family. */
    public String fullNameEn() {
        return String.join(" ", firstNameEn, fatherNameEn, grandfatherNameEn, familyNameEn);
    }

    @Override
    public String toString() {
        return nationalId + " " + fullNameEn();
    }
}
