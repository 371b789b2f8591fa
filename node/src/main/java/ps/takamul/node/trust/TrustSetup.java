package ps.takamul.node.trust;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.node.config.NodeSettings;
import ps.takamul.routes.trust.MessageTrust;
import ps.takamul.security.pki.Pem;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.ocsp.IssuedCertificates;
import ps.takamul.security.replay.SeenMessageIds;
import ps.takamul.security.sign.SigningKey;
import ps.takamul.security.sign.SigningKeys;
import ps.takamul.security.trust.PkixSignerValidator;
import ps.takamul.security.trust.CrlRevocationChecker;
import ps.takamul.security.trust.OcspRevocationChecker;
import ps.takamul.security.trust.RevocationChecker;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the node's {@link MessageTrust} from its {@code takamul.signatures.*}, {@code takamul.signing.*} and {@code takamul.trust.*} settings. */
public final class TrustSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TrustSetup.class);
    private TrustSetup() {
    }

    /** {@link MessageTrust#OFF} unless {@code takamul.signatures.enabled}. */
    public static MessageTrust build(NodeSettings settings, Secrets secrets) {
        if (!settings.getBoolean("takamul.signatures.enabled")) {
            return MessageTrust.OFF;
        }
        List<SigningKey> keys = new ArrayList<>();
        if (!settings.get("takamul.signing.pkcs11").isEmpty()) {
            keys.addAll(SigningKeys.fromPkcs11(settings.getPath("takamul.signing.pkcs11"),
                    secrets.get("takamul.signing.password", "TAKAMUL_SIGNING_PASSWORD")));
        }
        if (!settings.get("takamul.signing.keystores").isEmpty()) {
            char[] password = secrets.get("takamul.signing.password", "TAKAMUL_SIGNING_PASSWORD");
            for (Path keystore : settings.getPaths("takamul.signing.keystores")) {
                keys.addAll(SigningKeys.fromPkcs12(keystore, password));
            }
        }
        PkixSignerValidator validator = PkixSignerValidator.builder()
                .anchors(certificates(settings, "takamul.trust.anchors"))
                .intermediates(certificates(settings, "takamul.trust.intermediates"))
                .revocation(revocation(settings))
                .cacheFor(settings.getDuration("takamul.trust.cache"))
                .build();
        Set<ClientId> onBehalf = new LinkedHashSet<>();
        for (String client : settings.get("takamul.signatures.on-behalf-of").split(",")) {
            if (!client.isBlank()) {
                onBehalf.add(ClientId.parse(client.strip()));
            }
        }
        if (!onBehalf.isEmpty() && !settings.getBoolean("takamul.tls.enabled")) {
            // Without mutual TLS nothing authenticates the system the node would sign for.
            throw new IllegalStateException("takamul.signatures.on-behalf-of needs takamul.tls.enabled=true: the node"
                    + " signs only for client systems authenticated by their TLS certificate");
        }
        Path journal = settings.getPath("takamul.data.dir").resolve("replay").resolve("seen-message-ids");
        return new NodeMessageTrust(validator, new SeenMessageIds(journal), keys, onBehalf,
                settings.getDuration("takamul.signatures.skew"));
    }

    /** OCSP first when configured, the CRL file when OCSP cannot answer; neither: no revocation check. */
    static RevocationChecker revocation(NodeSettings settings) {
        String ocsp = settings.get("takamul.trust.ocsp");
        RevocationChecker byOcsp = null;
        if (ocsp.equals("local")) {
            Path caDir = settings.getPath("takamul.ocsp.ca");
            byOcsp = new LocalCaRevocation(Pem.readCertificates(caDir.resolve(InstanceCa.ISSUING_CERTIFICATE)).get(0),
                    IssuedCertificates.fromIndex(caDir.resolve(InstanceCa.INDEX)));
        } else if (!ocsp.isEmpty() && !ocsp.equals("off")) {
            OcspRevocationChecker.Builder builder = OcspRevocationChecker.builder()
                    .freshness(settings.getDuration("takamul.trust.ocsp.freshness"))
                    .timeout(settings.getDuration("takamul.trust.ocsp.timeout"));
            if (!ocsp.equals("aia")) {
                builder.responder(URI.create(ocsp));
            }
            byOcsp = builder.build();
        }
        RevocationChecker byCrl = settings.get("takamul.trust.crl").isEmpty() ? null
                : new CrlRevocationChecker(settings.getPath("takamul.trust.crl"));
        if (byOcsp != null && byCrl != null) {
            return RevocationChecker.withFallback(byOcsp, byCrl);
        }
        if (byOcsp == null && byCrl == null) {
            LOG.warn("Message signatures are on without a revocation check (takamul.trust.ocsp, takamul.trust.crl):"
                    + " a revoked member-signing certificate would still be accepted.");
            return RevocationChecker.NONE;
        }
        return byOcsp != null ? byOcsp : byCrl;
    }

    private static List<X509Certificate> certificates(NodeSettings settings, String key) {
        List<X509Certificate> all = new ArrayList<>();
        if (!settings.get(key).isEmpty()) {
            for (Path file : settings.getPaths(key)) {
                all.addAll(Pem.readCertificates(file));
            }
        }
        return all;
    }

    /** Where the node reads passwords: the setting, else the environment. */
    @FunctionalInterface
    public interface Secrets {
        char[] get(String setting, String environment);
    }
}
