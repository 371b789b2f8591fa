package ps.takamul.routes.page;

/** Escaping for the node's pages: every text from the catalogue, a record or a request goes through it. */
public final class Html {
    private Html() {
    }

    /** The text with HTML's five special characters escaped; null gives the empty string. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An identifier, hash or time, isolated left to right so that an Arabic page does not reorder its parts. */
    public static String id(String identifier) {
        return "<span class=\"id\" dir=\"ltr\">" + escape(identifier) + "</span>";
    }
}
