package ps.takamul.routes.trust;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.security.sign.SigningKey;

/**
 * What the ingress routes need to check and make message signatures, REST and SOAP alike. The
 * node builds it from its settings; {@link #OFF} is the demo profile, where nothing is signed.
 * Every refusal is a {@link ps.takamul.core.protocol.TakamulException} with its error code.
 */
public interface MessageTrust {

    /** Signatures off: nothing is required, checked or signed. */
    MessageTrust OFF = new MessageTrust() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void checkSigner(List<X509Certificate> chain, MemberId member, Instant signedAt) {
            throw new IllegalStateException("signatures are off");
        }

        @Override
        public void spendMessageId(ClientId client, String messageId, Instant created) {
        }

        @Override
        public SigningKey keyOf(MemberId member) {
            return null;
        }

        @Override
        public boolean signsOnBehalfOf(ClientId client) {
            return false;
        }

        @Override
        public Duration skew() {
            return Duration.ZERO;
        }
    };

    /** Whether requests must carry (or be given) a signature and responses are signed. */
    boolean enabled();

    /**
     * The signer's certificate must be valid at {@code signedAt} (chain, validity, usage,
     * algorithms, revocation) and issued to {@code member}, the client's member.
     */
    void checkSigner(List<X509Certificate> chain, MemberId member, Instant signedAt);

    /**
     * Spends the client's message id: refused as {@code Client.MessageReplayed} if the client used
     * it before, else remembered for as long as a message signed at {@code created} could still be
     * fresh. The protocol checks the signature's time first (REST: {@link Freshness}; SOAP: WSS4J's
     * timestamp rules), against {@link #skew()}.
     */
    void spendMessageId(ClientId client, String messageId, Instant created);

    /** The node's key for signing as {@code member}, or null when it holds none. */
    SigningKey keyOf(MemberId member);

    /** Whether the node signs, on its member's behalf, for a client system that cannot. */
    boolean signsOnBehalfOf(ClientId client);

    /** How far a signature's time may be from the node's clock. */
    Duration skew();
}
