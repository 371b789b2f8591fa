package ps.takamul.routes.page;

import ps.takamul.core.catalogue.BilingualText;

/**
 * The two languages of the node's pages (the catalogue, the audit pages). Arabic is the bus's
 * primary language and the default, laid out right to left.
 */
public enum Language {
    AR("ar", "rtl"), EN("en", "ltr");

    /** The BCP 47 tag, for {@code lang} and {@code Content-Language}. */
    public final String tag;
    /** {@code rtl} or {@code ltr}, for {@code dir}. */
    public final String direction;

    Language(String tag, String direction) {
        this.tag = tag;
        this.direction = direction;
    }

    /** {@code en} chooses English; anything else, or nothing, Arabic. */
    public static Language of(String tag) {
        return "en".equalsIgnoreCase(tag) ? EN : AR;
    }

    /** The language a raw query string asks for ({@code lang=en}), even one that is otherwise refused. */
    public static Language ofQuery(String query) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.equalsIgnoreCase("lang=en")) {
                    return EN;
                }
            }
        }
        return AR;
    }

    public Language other() {
        return this == AR ? EN : AR;
    }

    /** The text in this language, or in the other one when this one is empty. */
    public String pick(BilingualText text) {
        if (text == null) {
            return "";
        }
        String mine = this == AR ? text.ar() : text.en();
        return mine.isEmpty() ? (this == AR ? text.en() : text.ar()) : mine;
    }

    /** Picks this language's version of one of a page's own words. */
    public String say(String arabic, String english) {
        return this == AR ? arabic : english;
    }
}
