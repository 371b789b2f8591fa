package ps.takamul.core.xml;

import java.io.ByteArrayOutputStream;
import javax.xml.transform.Source;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;

/** Serialises an XML source to UTF-8 bytes, without an XML declaration. */
public final class XmlBytes {
    /** Building a Transformer costs more than using one; each thread keeps its own. */
    private static final ThreadLocal<Transformer> SERIALIZER = ThreadLocal.withInitial(() -> {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty("omit-xml-declaration", "yes");
            t.setOutputProperty("encoding", "UTF-8");
            return t;
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    private XmlBytes() {
    }

    /** StAX without DTDs: reading a name must not resolve anything. */
    private static final javax.xml.stream.XMLInputFactory STAX = secureStax();

    /**
     * The local name of a well-formed document's root element (a SOAP payload's operation), read
     * without building the document.
     *
     * @throws IllegalArgumentException if the bytes hold no element
     */
    public static String rootLocalName(byte[] xml) {
        try {
            javax.xml.stream.XMLStreamReader reader = STAX.createXMLStreamReader(new java.io.ByteArrayInputStream(xml));
            try {
                while (reader.hasNext()) {
                    if (reader.next() == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                        return reader.getLocalName();
                    }
                }
            } finally {
                reader.close();
            }
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("no element in the document");
    }

    private static javax.xml.stream.XMLInputFactory secureStax() {
        javax.xml.stream.XMLInputFactory f = javax.xml.stream.XMLInputFactory.newFactory();
        f.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    public static byte[] of(Source source) throws TransformerException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        SERIALIZER.get().transform(source, new StreamResult(out));
        return out.toByteArray();
    }
}
