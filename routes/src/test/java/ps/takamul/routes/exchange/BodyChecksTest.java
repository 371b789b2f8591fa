package ps.takamul.routes.exchange;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;

class BodyChecksTest {
    private static final String JSON = "application/json";
    private static final String XML = "application/xml";
    /** A national ID: personal data that must never reach an error message, a log or the caller. */
    private static final String NATIONAL_ID = "987526233";

    private static TakamulException refused(String body, String contentType) {
        TakamulException e = catchThrowableOfType(TakamulException.class,
                () -> BodyChecks.checkWellFormed(body.getBytes(UTF_8), contentType));
        assertThat(e).as("the body must be refused").isNotNull();
        return e;
    }

    private static void accepted(String body, String contentType) {
        assertThatCode(() -> BodyChecks.checkWellFormed(body.getBytes(UTF_8), contentType))
                .doesNotThrowAnyException();
    }

    /** Everything of an exception that may end up in a log line or an answer. */
    private static String everythingSaid(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t).append('\n');
        }
        return sb.toString();
    }

    @Nested
    class Json {

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"nationalId\":\"987526233\",\"name\":\"أحمد\"}",
                "[1, 2.5, true, null, {\"a\": []}]",
                "\"just a string\"",
                "42",
                "  {\"padded\": true}  \n",
        })
        void wellFormedJsonPasses(String body) {
            accepted(body, JSON);
        }

        @ParameterizedTest
        @ValueSource(strings = {"application/json; charset=utf-8", "APPLICATION/JSON", "application/problem+json",
                "application/vnd.takamul.person+json"})
        void everyJsonContentTypeIsChecked(String contentType) {
            assertThat(refused("{\"a\":", contentType).error()).isEqualTo(ErrorCode.INVALID_BODY);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"nationalId\": \"987526233\",}",
                "{\"nationalId\": \"987526233\"",
                "{nationalId: 1}",
                "{\"a\" 1}",
                "[1, 2",
                "'single'",
        })
        void malformedJsonIsAnInvalidBody(String body) {
            TakamulException e = refused(body, JSON);

            assertThat(e.error()).isEqualTo(ErrorCode.INVALID_BODY);
            assertThat(e.getMessage()).startsWith("malformed JSON: ");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"a\":1} {\"b\":2}", "{\"a\":1}\n{\"a\":2}", "[1] 2", "{\"a\":1}}", "{\"a\":1}x"})
        void trailingContentIsAnInvalidBody(String body) {
            TakamulException e = refused(body, JSON);

            assertThat(e.error()).isEqualTo(ErrorCode.INVALID_BODY);
        }

        @Test
        void secondValueAfterTheFirstIsNamedAsSuch() {
            assertThat(refused("{\"a\":1} {\"b\":2}", JSON).getMessage())
                    .isEqualTo("JSON body has content after the first value");
        }

        @ParameterizedTest
        @ValueSource(strings = {" ", "\n\t  \r\n"})
        void whitespaceOnlyJsonIsAnInvalidBody(String body) {
            TakamulException e = refused(body, JSON);

            assertThat(e.error()).isEqualTo(ErrorCode.INVALID_BODY);
            assertThat(e.getMessage()).isEqualTo("JSON body is empty");
        }

        @Test
        void noBodyAtAllPasses() {
            // A GET may carry a Content-Type and no body; that is not a malformed body.
            assertThatCode(() -> BodyChecks.checkWellFormed(new byte[0], JSON)).doesNotThrowAnyException();
            assertThatCode(() -> BodyChecks.checkWellFormed(null, JSON)).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"nationalId\": 987526233,}",
                "{\"nationalId\": \"987526233\",}",
                "{\"nationalId\": \"987526233\"",
                "{\"nationalId\": \"987526233\" \"name\": \"x\"}",
                "{\"nationalId\": x987526233}",
                "{\"nationalId\": 987526233x}",
                "{\"nationalId\": id987526233}",
                "{\"nationalId\": N987526233}",
                "{\"nationalId\": true987526233}",
                "{\"nationalId\": -x987526233}",
                "{987526233: 1}",
                "{\"ok\": 1} 987526233",
                "{\"ok\": 1} x987526233",
                "[\"987526233\\q\"]",
                "[987526233",
                "{\"nationalId\": \"987526233\u0001\"}",
        })
        void errorMessageNeverQuotesTheBody(String body) {
            TakamulException e = refused(body, JSON);

            assertThat(e.error()).isEqualTo(ErrorCode.INVALID_BODY);
            assertThat(everythingSaid(e)).doesNotContain(NATIONAL_ID);
        }

        @Test
        void errorMessageNeverQuotesALongToken() {
            TakamulException e = refused("{\"ids\": x" + "987526233".repeat(30) + "}", JSON);

            assertThat(everythingSaid(e)).doesNotContain(NATIONAL_ID).doesNotContain("98752");
        }

        @Test
        void errorMessageStillSaysWhatWasExpected() {
            assertThat(refused("{\"nationalId\": x987526233}", JSON).getMessage())
                    .startsWith("malformed JSON: Unrecognized token '…': was expecting")
                    .contains("'null', 'true' or 'false'");
            assertThat(refused("{\"a\": 1,}", JSON).getMessage())
                    .startsWith("malformed JSON: Unexpected character ('}' (code 125))");
        }

        @Test
        void errorMessageNeverQuotesANameFromTheBody() {
            TakamulException e = refused("{\"name\": Mahmoud_Darwish}", JSON);

            assertThat(everythingSaid(e)).doesNotContain("Mahmoud").doesNotContain("Darwish");
        }
    }

    @Nested
    class Xml {

        @ParameterizedTest
        @ValueSource(strings = {
                "<person><id>987526233</id><name>أحمد</name></person>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><p:person xmlns:p=\"urn:x\"><p:id>1</p:id></p:person>",
                "<a x=\"1 &amp; 2\">&lt;escaped&gt; &#1575;</a>",
                "<a><![CDATA[<not-a-tag>]]><!-- comment --></a>",
        })
        void wellFormedXmlPasses(String body) {
            accepted(body, XML);
        }

        @Test
        void soapEnvelopePasses() {
            accepted("""
                    <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
                      <soapenv:Body><PersonByNationalId><id>987526233</id></PersonByNationalId></soapenv:Body>
                    </soapenv:Envelope>""", "text/xml; charset=utf-8");
        }

        @ParameterizedTest
        @ValueSource(strings = {"text/xml", "application/xml", "application/soap+xml; charset=utf-8", "TEXT/XML"})
        void everyXmlContentTypeIsChecked(String contentType) {
            assertThat(refused("<a><b></a>", contentType).error()).isEqualTo(ErrorCode.INVALID_BODY);
        }

        @ParameterizedTest
        @ValueSource(strings = {"<a><b></a>", "<a>", "<a></b>", "not xml at all", "<a x=1/>", "<a/><b/>"})
        void malformedXmlIsAnInvalidBody(String body) {
            TakamulException e = refused(body, XML);

            assertThat(e.error()).isEqualTo(ErrorCode.INVALID_BODY);
            assertThat(e.getMessage()).startsWith("malformed XML: ").doesNotContain("\n");
        }

        @Test
        @Timeout(value = 10, unit = TimeUnit.SECONDS)
        void billionLaughsIsForbiddenWithoutExpandingIt() {
            String body = """
                    <?xml version="1.0"?>
                    <!DOCTYPE lolz [
                      <!ENTITY lol "lol">
                      <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                      <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                      <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                      <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                      <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                      <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                      <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                      <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                      <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                    ]>
                    <lolz>&lol9;</lolz>""";

            TakamulException e = refused(body, XML);

            assertThat(e.error()).isEqualTo(ErrorCode.FORBIDDEN_XML);
            assertThat(e.getMessage()).doesNotContain("lollol");
        }

        @Test
        void externalEntityOnEtcPasswdIsForbiddenAndNothingOfTheFileLeaks() {
            String body = """
                    <?xml version="1.0"?>
                    <!DOCTYPE person [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                    <person><id>&xxe;</id></person>""";

            TakamulException e = refused(body, XML);

            assertThat(e.error()).isEqualTo(ErrorCode.FORBIDDEN_XML);
            assertThat(everythingSaid(e)).doesNotContain("root:").doesNotContain("/bin/");
        }

        @Test
        void externalEntityContentNeverAppearsInTheError(@TempDir Path dir) throws Exception {
            Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-7f3a9c");
            String[] bodies = {
                    "<!DOCTYPE p [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]><p>&xxe;</p>",
                    "<!DOCTYPE p [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]><p a=\"&xxe;\"/>",
                    "<!DOCTYPE p [ <!ENTITY % pe SYSTEM \"" + secret.toUri() + "\"> %pe; ]><p/>",
                    "<!DOCTYPE p SYSTEM \"" + secret.toUri() + "\"><p/>",
            };
            for (String body : bodies) {
                TakamulException e = refused(body, XML);

                assertThat(e.error()).as(body).isEqualTo(ErrorCode.FORBIDDEN_XML);
                assertThat(everythingSaid(e)).as(body).doesNotContain("TOP-SECRET");
            }
        }

        @Test
        void anyDoctypeIsForbidden() {
            TakamulException e = refused("<!DOCTYPE person><person/>", XML);

            assertThat(e.error()).isEqualTo(ErrorCode.FORBIDDEN_XML);
            assertThat(e.getMessage()).isEqualTo("XML bodies may not contain a DOCTYPE or entity declarations");
        }

        @Test
        void malformedXmlErrorDoesNotQuoteTheContent() {
            TakamulException e = refused("<person><id>987526233</id><name>x</person>", XML);

            assertThat(e.error()).isEqualTo(ErrorCode.INVALID_BODY);
            assertThat(everythingSaid(e)).doesNotContain(NATIONAL_ID);
        }
    }

    @Nested
    class Size {

        @Test
        void bodyOverTheLimitIsTooLarge() {
            TakamulException e = catchThrowableOfType(TakamulException.class,
                    () -> BodyChecks.checkSize(new byte[1025], 1024));

            assertThat(e).isNotNull();
            assertThat(e.error()).isEqualTo(ErrorCode.BODY_TOO_LARGE);
            assertThat(e.error().httpStatus()).isEqualTo(413);
            assertThat(e.getMessage()).isEqualTo("request body has 1025 bytes; the limit is 1024");
        }

        @Test
        void bodyAtTheLimitPasses() {
            assertThatCode(() -> BodyChecks.checkSize(new byte[1024], 1024)).doesNotThrowAnyException();
            assertThatCode(() -> BodyChecks.checkSize(new byte[0], 0)).doesNotThrowAnyException();
            assertThatCode(() -> BodyChecks.checkSize(null, 0)).doesNotThrowAnyException();
        }
    }

    @Nested
    class OtherContent {

        @ParameterizedTest
        @ValueSource(strings = {"text/plain", "application/octet-stream", "application/pdf", "multipart/form-data"})
        void unknownContentTypePassesUntouched(String contentType) {
            accepted("{ not json <not xml", contentType);
            accepted("<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>", contentType);
        }

        @Test
        void missingContentTypePasses() {
            accepted("{ not json", null);
        }
    }
}
