package ps.takamul.examples.civilregistry;

import jakarta.xml.bind.annotation.XmlEnum;
import jakarta.xml.bind.annotation.XmlType;

@XmlType(name = "Gender")
@XmlEnum
public enum Gender {
    M, F
}
