package ps.takamul.examples.civilregistry;

import jakarta.xml.bind.annotation.XmlEnum;
import jakarta.xml.bind.annotation.XmlType;

/** How a member of a family extract relates to the head of the family. */
@XmlType(name = "Relation")
@XmlEnum
public enum Relation {
    SPOUSE, SON, DAUGHTER
}
