package ps.takamul.routes.auditor;

import ps.takamul.core.catalogue.BilingualText;

/** The auditor pages' two languages; Arabic, right to left, unless {@code ?lang=en} asks for English. */
enum PageLanguage {
    AR("ar", "rtl"), EN("en", "ltr");

    final String tag;
    final String direction;

    PageLanguage(String tag, String direction) {
        this.tag = tag;
        this.direction = direction;
    }

    static PageLanguage of(String tag) {
        return "en".equalsIgnoreCase(tag) ? EN : AR;
    }

    /** The language a raw query string asks for, even one that is otherwise refused. */
    static PageLanguage ofQuery(String query) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.equalsIgnoreCase("lang=en")) {
                    return EN;
                }
            }
        }
        return AR;
    }

    PageLanguage other() {
        return this == AR ? EN : AR;
    }

    /** The catalogue's name in this language, or in the other when this one is empty. */
    String pick(BilingualText text) {
        if (text == null) {
            return "";
        }
        String mine = this == AR ? text.ar() : text.en();
        return mine.isEmpty() ? (this == AR ? text.en() : text.ar()) : mine;
    }

    /** Picks this language's version of one of the pages' own words. */
    String say(String arabic, String english) {
        return this == AR ? arabic : english;
    }
}
