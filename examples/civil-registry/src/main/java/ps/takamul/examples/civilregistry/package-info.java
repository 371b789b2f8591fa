/**
 * A stand-in for the Interior's legacy civil registry: a SOAP 1.1 service (document/literal, bare) over a
 * generated population of synthetic persons. Every element on the wire is qualified by {@link
 * ps.takamul.examples.civilregistry.CivilRegistry#NAMESPACE}.
 */
@XmlSchema(namespace = CivilRegistry.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
@XmlAccessorType(XmlAccessType.FIELD)
package ps.takamul.examples.civilregistry;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
