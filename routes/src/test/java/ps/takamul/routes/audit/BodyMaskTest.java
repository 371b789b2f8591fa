package ps.takamul.routes.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BodyMaskTest {
    private final BodyMask mask = new BodyMask(Set.of("nationalId", "motherNameAr"));

    @Test
    void jsonFieldsAreMaskedWhereverTheySitAndArabicSurvives() {
        String json = "{\"person\":{\"nationalId\":\"987654321\",\"firstNameAr\":\"محمد\",\"motherNameAr\":\"فاطمة\"},"
                + "\"family\":[{\"nationalId\":\"123456789\"}]}";
        String masked = text(mask.apply(bytes(json), "application/json; charset=UTF-8"));
        assertThat(masked).contains("\"nationalId\":\"*******21\"", "\"nationalId\":\"*******89\"",
                "\"motherNameAr\":\"***\"", "\"firstNameAr\":\"محمد\"").doesNotContain("987654321", "فاطمة");
    }

    @Test
    void xmlElementsAreMaskedByLocalName() {
        String xml = "<r:PersonByNationalIdResponse xmlns:r=\"urn:x\"><r:person><r:nationalId>987654321</r:nationalId>"
                + "<r:familyNameAr>الخطيب</r:familyNameAr></r:person></r:PersonByNationalIdResponse>";
        String masked = text(mask.apply(bytes(xml), "text/xml"));
        assertThat(masked).contains("*******21").contains("الخطيب").doesNotContain("987654321");
    }

    @Test
    void aNamedFieldIsMaskedWhateverItsShapeAndXmlAttributesToo() {
        String json = "{\"motherNameAr\":{\"first\":\"فاطمة\",\"family\":\"الخطيب\"},\"nationalId\":[\"987654321\"]}";
        assertThat(text(mask.apply(bytes(json), "application/json"))).doesNotContain("فاطمة", "الخطيب", "987654321")
                .contains("*******21");
        String xml = "<p nationalId=\"987654321\"><motherNameAr><first>فاطمة</first></motherNameAr></p>";
        assertThat(text(mask.apply(bytes(xml), "application/xml"))).doesNotContain("فاطمة", "987654321")
                .contains("nationalId=\"*******21\"");
    }

    @Test
    void aBodyThatCannotBeMaskedIsNotKept() {
        assertThat(mask.apply(bytes("{\"nationalId\": 9876"), "application/json")).isNull();
        assertThat(mask.apply(bytes("nationalId=987654321"), "application/x-www-form-urlencoded")).isNull();
        assertThat(mask.apply(bytes("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"), "text/xml")).isNull();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
