package ps.takamul.routes.soap;

import java.security.cert.X509Certificate;
import org.apache.cxf.message.Message;
import org.apache.cxf.security.transport.TLSSessionInfo;
import ps.takamul.security.pki.MemberBinding;

/** Who is at the other end of a SOAP request's mutual-TLS connection. */
public final class SoapPeer {
    private SoapPeer() {
    }

    /** The subsystem of the client certificate CXF's TLS transport verified, or null if none binds one. */
    public static String subsystemOf(Message cxf) {
        TLSSessionInfo tls = cxf == null ? null : cxf.get(TLSSessionInfo.class);
        if (tls == null || tls.getPeerCertificates() == null || tls.getPeerCertificates().length == 0) {
            return null;
        }
        try {
            return MemberBinding.subsystemOf((X509Certificate) tls.getPeerCertificates()[0]).toString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
