package ps.takamul.routes.exchange;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what may identify a person in text bound for the logs. Error details can quote a
 * provider's words ("no person with national id 987526233"); long digit runs, such as national
 * IDs, phone and card numbers, keep only their last two digits.
 */
public final class LogMask {
    private static final Pattern DIGITS = Pattern.compile("\\d{6,}");

    private LogMask() {
    }

    public static String digits(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DIGITS.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String run = m.group();
            m.appendReplacement(sb, "*".repeat(run.length() - 2) + run.substring(run.length() - 2));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
