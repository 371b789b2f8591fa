package ps.takamul.examples.civilregistry;

/** A name or place as the registry stores it: the Arabic original and its Latin transliteration. */
public record Bilingual(String arabic, String latin) {
}
