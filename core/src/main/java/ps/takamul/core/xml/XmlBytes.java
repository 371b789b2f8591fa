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

    public static byte[] of(Source source) throws TransformerException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        SERIALIZER.get().transform(source, new StreamResult(out));
        return out.toByteArray();
    }
}
