package ps.takamul.core.catalogue;

/** A name or description in Arabic and English; Arabic is the primary language of the bus. */
public record BilingualText(String ar, String en) {
    public static final BilingualText EMPTY = new BilingualText("", "");

    public BilingualText {
        ar = ar == null ? "" : ar;
        en = en == null ? "" : en;
    }
}
