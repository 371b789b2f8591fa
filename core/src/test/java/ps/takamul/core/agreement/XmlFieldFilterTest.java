package ps.takamul.core.agreement;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

class XmlFieldFilterTest {

    private static final String OPEN = "<ps:personResponse xmlns:ps=\"urn:ps:gov:moi:person\""
            + " xmlns=\"urn:ps:gov:moi:person:data\" ps:version=\"2\">";
    private static final String PERSON = "<person ps:verified=\"true\" source=\"سجل\">"
            + "<nationalId>848991048</nationalId><firstNameAr>حسن</firstNameAr><motherNameAr>فاطمة</motherNameAr>"
            + "<address><cityAr>رام الله</cityAr><street>شارع الإرسال</street></address></person>";
    private static final String META = "<ps:meta><ps:issuedBy>وزارة الداخلية</ps:issuedBy></ps:meta>";
    private static final String PAYLOAD = OPEN + PERSON + META + "</ps:personResponse>";

    private static FieldFilter.Reduced reduce(String xml, String... allowed) {
        return new XmlFieldFilter(List.of(allowed)).reduce(xml.getBytes(UTF_8));
    }

    /** Compares parsed structure (names, namespaces, attributes as a set, text), after checking the output parses. */
    private static void assertSameDocument(FieldFilter.Reduced reduced, String expected) throws Exception {
        Element actual = parse(reduced.body());
        assertThat(actual.isEqualNode(parse(expected.getBytes(UTF_8))))
                .as("reduced document %s%n  expected %s", new String(reduced.body(), UTF_8), expected)
                .isTrue();
    }

    private static Element parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
    }

    @Test
    void keepsAllowedPathsWithTheirSubtreesAndAttributes() throws Exception {
        FieldFilter.Reduced reduced =
                reduce(PAYLOAD, "/personResponse/person/firstNameAr", "/personResponse/person/address");

        assertSameDocument(reduced, OPEN + "<person ps:verified=\"true\" source=\"سجل\"><firstNameAr>حسن</firstNameAr>"
                + "<address><cityAr>رام الله</cityAr><street>شارع الإرسال</street></address></person>"
                + "</ps:personResponse>");
        assertThat(reduced.removed()).containsExactly("/personResponse/person/nationalId",
                "/personResponse/person/motherNameAr", "/personResponse/meta");
    }

    @Test
    void matchesPrefixedElementsByLocalName() throws Exception {
        FieldFilter.Reduced reduced = reduce(PAYLOAD, "/personResponse/meta");

        assertSameDocument(reduced, OPEN + META + "</ps:personResponse>");
        assertThat(reduced.removed()).containsExactly("/personResponse/person");
    }

    @Test
    void wildcardMatchesAnyElementAtItsLevel() throws Exception {
        FieldFilter.Reduced reduced = reduce(PAYLOAD, "/*/person/*/cityAr", "/personResponse/*/nationalId");

        assertSameDocument(reduced, OPEN + "<person ps:verified=\"true\" source=\"سجل\">"
                + "<nationalId>848991048</nationalId><address><cityAr>رام الله</cityAr></address></person>"
                + "<ps:meta/></ps:personResponse>");
        assertThat(reduced.removed()).containsExactly("/personResponse/person/firstNameAr",
                "/personResponse/person/motherNameAr", "/personResponse/person/address/street",
                "/personResponse/meta/issuedBy");
    }

    @Test
    void emptyAgreementLeavesTheRootEmpty() throws Exception {
        FieldFilter.Reduced reduced = reduce(PAYLOAD);

        assertSameDocument(reduced, OPEN + "</ps:personResponse>");
        assertThat(reduced.removed()).containsExactly("/personResponse/person", "/personResponse/meta");
    }

    @Test
    void pathsUnderAnotherRootAllowNothing() throws Exception {
        FieldFilter.Reduced reduced = reduce(PAYLOAD, "/vehicleResponse/person");

        assertSameDocument(reduced, OPEN + "</ps:personResponse>");
        assertThat(reduced.removed()).containsExactly("/personResponse/person", "/personResponse/meta");
    }

    @Test
    void arabicTextLeavesAsTheSameUtf8Bytes() {
        FieldFilter.Reduced reduced = reduce(PAYLOAD, "/personResponse/person/firstNameAr", "/personResponse/person/address");
        String out = new String(reduced.body(), UTF_8);

        assertThat(out).contains("<firstNameAr>حسن</firstNameAr>", "<cityAr>رام الله</cityAr>", "source=\"سجل\"")
                .doesNotContain("&#").doesNotContain("فاطمة");
        assertThat(containsBytes(reduced.body(), "رام الله".getBytes(UTF_8))).isTrue();
    }

    @Test
    void droppedElementsTakeTheirIndentationWith() {
        String indented = "<r>\n  <keep>١</keep>\n  <drop>٢</drop>\n  <keep>٣</keep>\n</r>";

        FieldFilter.Reduced reduced = reduce(indented, "/r/keep");

        assertThat(new String(reduced.body(), UTF_8)).isEqualTo("<r>\n  <keep>١</keep>\n  <keep>٣</keep>\n</r>");
        assertThat(reduced.removed()).containsExactly("/r/drop");
    }

    @Test
    void textBesideElementsOfAPartlyAllowedContainerIsDroppedAndReported() throws Exception {
        FieldFilter.Reduced reduced = reduce("<r>سر<a>1</a><!-- ملاحظة --><b>2</b></r>", "/r/a");

        assertSameDocument(reduced, "<r><a>1</a></r>");
        assertThat(reduced.removed()).containsExactly("/r/text()", "/r/b");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>",
        "<!DOCTYPE r [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]><r>&b;</r>",
        "<!DOCTYPE r SYSTEM \"http://example.invalid/r.dtd\"><r/>"})
    void doctypesAreRefused(String xml) {
        assertThatThrownBy(() -> reduce(xml, "/r"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<r><a></r>", "", "not xml", "<r/><r/>"})
    void malformedXmlIsRefused(String xml) {
        assertThatThrownBy(() -> reduce(xml, "/r"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XML response");
    }

    @ParameterizedTest
    @ValueSource(strings = {"personResponse/person", "/personResponse//person", "/ps:personResponse", "/r/a[1]", "",
        "/r/@id", "/r/"})
    void badPathsAreRefusedByName(String path) {
        assertThatThrownBy(() -> new XmlFieldFilter(List.of("/ok", path)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + path + "\"");
    }

    private static boolean containsBytes(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
