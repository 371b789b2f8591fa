package ps.takamul.audit.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written canonical encoding against Jackson's, the reference: byte for byte. */
class CanonicalWriterTest {
    /** Characters chosen to hit every branch: escapes, control characters, 2- and 3-byte UTF-8, Arabic. */
    private static final String ALPHABET = "aZ09 -_:/=+\"\\\b\t\n\f\r\u0000\u0001\u001f\u007f\u00e9\u07ff\u0800"
            + "حسن عيسى ياسين\u200f\ufeff\uffff";

    @Test
    void randomRecordsEncodeExactlyAsJacksonEncodesThem() {
        Random random = new Random(20261207);
        for (int i = 0; i < 20_000; i++) {
            AuditRecord r = record(random);
            byte[] written = CanonicalWriter.write(r);
            assertThat(written).as("record %d", i).isNotNull();
            assertThat(new String(written, StandardCharsets.UTF_8)).as("record %d", i)
                    .isEqualTo(new String(AuditRecords.jackson(r), StandardCharsets.UTF_8));
            assertThat(written).isEqualTo(AuditRecords.jackson(r));
        }
    }

    @Test
    void aStringWithASurrogateIsLeftToJackson() {
        AuditRecord r = new AuditRecord(AuditRecord.Kind.EXCHANGE, Instant.EPOCH, "PS/GOV/X/n", "m", null,
                "c", "s", "\uD83D\uDE00 user", null, null, null, null, null, null, 0, 0, 200, null, null, null,
                null, null, null, null);
        assertThat(CanonicalWriter.write(r)).isNull();
        assertThat(AuditRecords.canonical(r)).isEqualTo(AuditRecords.jackson(r));
        assertThat(AuditRecords.read(AuditRecords.canonical(r)).userId()).isEqualTo("\uD83D\uDE00 user");
    }

    private static AuditRecord record(Random random) {
        AuditRecord.Kind kind = AuditRecord.Kind.values()[random.nextInt(3)];
        return new AuditRecord(kind, time(random, false), text(random, false), text(random, true),
                text(random, true), text(random, true), text(random, true), text(random, true),
                text(random, true), text(random, true), text(random, true), time(random, true), time(random, true),
                time(random, true), random.nextInt(3) == 0 ? 0 : random.nextLong(), random.nextInt(10_000_000),
                random.nextInt(3) == 0 ? 0 : random.nextInt(), text(random, true), text(random, true),
                text(random, true), text(random, true), list(random), map(random), map(random));
    }

    private static String text(Random random, boolean mayBeAbsent) {
        int choice = random.nextInt(6);
        if (mayBeAbsent && choice == 0) {
            return null;
        }
        if (choice == 1) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(40) + 1; n > 0; n--) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    private static Instant time(Random random, boolean mayBeAbsent) {
        if (mayBeAbsent && random.nextInt(4) == 0) {
            return null;
        }
        if (random.nextInt(50) == 0) { // the edges: before 1970, and years ISO_INSTANT writes with a sign
            return List.of(Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
                    Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                    Instant.parse("1969-12-31T23:59:59.5Z")).get(random.nextInt(7));
        }
        long seconds = random.nextLong(4_102_444_800L); // 1970 to 2100
        int nanos = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static List<String> list(Random random) {
        List<String> list = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            list.add(text(random, false));
        }
        return list;
    }

    private static Map<String, String> map(Random random) {
        Map<String, String> map = new HashMap<>();
        for (int n = random.nextInt(5); n > 0; n--) {
            map.put(text(random, false), text(random, false));
        }
        return map;
    }
}
