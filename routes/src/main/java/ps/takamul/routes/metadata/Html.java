package ps.takamul.routes.metadata;

/** HTML escaping for the catalogue page: every text from the catalogue goes through it. */
final class Html {
    private Html() {
    }

    static String escape(String text) {
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

    /** An identifier, isolated left-to-right so that a right-to-left page does not reorder its parts. */
    static String id(String identifier) {
        return "<span class=\"id\" dir=\"ltr\">" + escape(identifier) + "</span>";
    }
}
