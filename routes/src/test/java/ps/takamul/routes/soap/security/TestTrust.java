package ps.takamul.routes.soap.security;

import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.X509CertSelector;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.routes.trust.MessageTrust;
import ps.takamul.security.pki.MemberBinding;
import ps.takamul.security.sign.SigningKey;

/**
 * A MessageTrust that really checks, for tests until the node's own exists: PKIX to a root made at
 * run time (revocation off), the member binding, a skew window and a set of seen message ids.
 */
final class TestTrust implements MessageTrust {
    private final X509Certificate root;
    private final List<X509Certificate> intermediates;
    private final Map<MemberId, SigningKey> keys;
    private final Duration skew;
    private final Set<ClientId> signForThem;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());

    TestTrust(X509Certificate root, List<X509Certificate> intermediates, Map<MemberId, SigningKey> keys, Duration skew, Set<ClientId> signForThem) {
        this.root = root;
        this.intermediates = List.copyOf(intermediates);
        this.keys = keys;
        this.skew = skew;
        this.signForThem = signForThem;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void checkSigner(List<X509Certificate> chain, MemberId member, Instant signedAt) {
        calls.add("checkSigner " + member);
        try {
            // The chain as the message carried it (often the signer's certificate alone), and the
            // intermediates this relying party knows.
            List<X509Certificate> known = new ArrayList<>(chain);
            known.addAll(intermediates);
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(chain.get(0));
            PKIXBuilderParameters params = new PKIXBuilderParameters(Set.of(new TrustAnchor(root, null)), target);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(signedAt));
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(known)));
            CertPathBuilder.getInstance("PKIX").build(params);
        } catch (Exception e) {
            throw new TakamulException(ErrorCode.CERTIFICATE_UNTRUSTED, "signer certificate not trusted: " + e.getMessage());
        }
        MemberId bound = MemberBinding.memberOf(chain.get(0));
        if (!bound.equals(member)) {
            throw new TakamulException(ErrorCode.SIGNER_MISMATCH, "signed by " + bound + ", not by the client's member " + member);
        }
    }

    @Override
    public void spendMessageId(ClientId client, String messageId, Instant created) {
        calls.add("spendMessageId " + client + " " + messageId);
        if (!seen.add(client + " " + messageId)) {
            throw new TakamulException(ErrorCode.MESSAGE_REPLAYED, "message id " + messageId + " already used by " + client);
        }
    }

    @Override
    public SigningKey keyOf(MemberId member) {
        return keys.get(member);
    }

    @Override
    public boolean signsOnBehalfOf(ClientId client) {
        return signForThem.contains(client);
    }

    @Override
    public Duration skew() {
        return skew;
    }
}
