package ps.takamul.examples.civilregistry;

import jakarta.xml.bind.annotation.XmlType;

/** The fault detail: the same stable code that starts the faultstring, and the human-readable reason. */
@XmlType(name = "RegistryError", propOrder = {"code", "message"})
public class RegistryError {

    private String code;
    private String message;

    public RegistryError() {
    }

    public RegistryError(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String getCode() {
        return code;
    }

    public String getMessage() {
        return message;
    }
}
