package ps.takamul.examples.civilregistry;

import jakarta.xml.bind.annotation.XmlEnum;
import jakarta.xml.bind.annotation.XmlType;

@XmlType(name = "MaritalStatus")
@XmlEnum
public enum MaritalStatus {
    SINGLE, MARRIED
}
