package ps.takamul.routes.metadata;

import ps.takamul.core.catalogue.BilingualText;

/** The two languages of the catalogue's texts. Arabic is the bus's primary language and the default. */
enum Language {
    AR("ar", "rtl"), EN("en", "ltr");

    final String tag;
    final String direction;

    Language(String tag, String direction) {
        this.tag = tag;
        this.direction = direction;
    }

    /** {@code en} chooses English; anything else, or nothing, Arabic. */
    static Language of(String tag) {
        return "en".equalsIgnoreCase(tag) ? EN : AR;
    }

    Language other() {
        return this == AR ? EN : AR;
    }

    /** The text in this language, or in the other one when this one is empty. */
    String pick(BilingualText text) {
        if (text == null) {
            return "";
        }
        String mine = this == AR ? text.ar() : text.en();
        return mine.isEmpty() ? (this == AR ? text.en() : text.ar()) : mine;
    }
}
