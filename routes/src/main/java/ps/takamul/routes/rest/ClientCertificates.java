package ps.takamul.routes.rest;

import org.apache.camel.Message;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;

/**
 * Binds a REST request to the TLS client certificate it came with. The node's TLS listener reads
 * the subsystem out of the verified peer certificate and passes it in {@link #PEER_HEADER}, after
 * removing any header of that name the client sent, so the value can be trusted here.
 */
public final class ClientCertificates {
    /** The subsystem the peer certificate was issued to, set by the node, never by a client. */
    public static final String PEER_HEADER = "Takamul-Peer-Subsystem";

    private ClientCertificates() {
    }

    /** The client named in X-Road-Client must be the certificate's subsystem, or its member. */
    public static void requireCertificateOf(Message in, ClientId client) {
        requireCertificateOf(in.getHeader(PEER_HEADER, String.class), client);
    }

    /**
     * @param peer the subsystem the verified client certificate was issued to, or null when the
     *             caller presented none that binds one
     */
    public static void requireCertificateOf(String peer, ClientId client) {
        if (peer == null || peer.isEmpty()) {
            throw new TakamulException(ErrorCode.CERTIFICATE_REQUIRED,
                    "call over mutual TLS with a client certificate issued to your subsystem");
        }
        boolean matches = client.isSubsystem() ? peer.equals(client.toString())
                : peer.startsWith(client.member() + "/");
        if (!matches) {
            throw new TakamulException(ErrorCode.CERTIFICATE_MISMATCH,
                    "the client certificate was issued to " + peer + ", not to " + client);
        }
    }
}
