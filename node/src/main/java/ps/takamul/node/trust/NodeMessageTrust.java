package ps.takamul.node.trust;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.routes.trust.MessageTrust;
import ps.takamul.security.replay.SeenMessageIds;
import ps.takamul.security.sign.SigningKey;
import ps.takamul.security.trust.SignerValidator;

/**
 * The node's message trust: which certificates may sign (a {@link SignerValidator}), which ids
 * were seen (a journal that survives restarts), which member keys the node holds, and for which
 * client systems it signs itself.
 */
public final class NodeMessageTrust implements MessageTrust, AutoCloseable {
    private final SignerValidator validator;
    private final SeenMessageIds seen;
    private final Map<MemberId, SigningKey> keys = new HashMap<>();
    private final Set<ClientId> onBehalfOf;
    private final Duration skew;

    public NodeMessageTrust(SignerValidator validator, SeenMessageIds seen, List<SigningKey> keys,
                            Set<ClientId> onBehalfOf, Duration skew) {
        this.validator = validator;
        this.seen = seen;
        for (SigningKey key : keys) {
            SigningKey previous = this.keys.putIfAbsent(key.member(), key);
            if (previous != null) {
                throw new IllegalArgumentException("two signing keys for " + key.member() + "; keep one per member");
            }
        }
        this.onBehalfOf = Set.copyOf(onBehalfOf);
        this.skew = skew;
        for (ClientId client : onBehalfOf) {
            if (!this.keys.containsKey(client.member())) {
                throw new IllegalArgumentException("the node signs for " + client
                        + " but holds no signing key for " + client.member());
            }
        }
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void checkSigner(List<X509Certificate> chain, MemberId member, Instant signedAt) {
        MemberId signer = validator.validate(chain, signedAt);
        if (!signer.equals(member)) {
            throw new TakamulException(ErrorCode.SIGNER_MISMATCH,
                    "signed with a certificate of " + signer + ", not of the client's member " + member);
        }
    }

    @Override
    public void spendMessageId(ClientId client, String messageId, Instant created) {
        // An id needs remembering only while a message carrying it would still be fresh.
        if (!seen.firstSeen(client + " " + messageId, created.plus(skew))) {
            throw new TakamulException(ErrorCode.MESSAGE_REPLAYED,
                    "message id " + messageId + " was already used by " + client);
        }
    }

    @Override
    public SigningKey keyOf(MemberId member) {
        return keys.get(member);
    }

    @Override
    public boolean signsOnBehalfOf(ClientId client) {
        return onBehalfOf.contains(client);
    }

    @Override
    public Duration skew() {
        return skew;
    }

    @Override
    public void close() throws Exception {
        seen.close();
    }
}
