package ps.takamul.node.audit;

import java.net.URI;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import ps.takamul.audit.checkpoint.TimestampSource;
import ps.takamul.audit.checkpoint.TimestampSources;
import ps.takamul.node.config.NodeSettings;
import ps.takamul.security.pki.Keystores;
import ps.takamul.security.pki.Pem;
import ps.takamul.security.tsa.TimestampAuthority;
import ps.takamul.security.tsa.TimestampClient;

/**
 * Who time-stamps the node's checkpoints ({@code takamul.audit.tsa}): a TSA at a URL, this
 * node's own TSA ({@code local}), or nobody ({@code off}). Left empty, a node that runs a TSA uses
 * it and one that does not goes without.
 *
 * @param source      what stamps a checkpoint's signature, or null for none
 * @param chain       the certificates an auditor checks the tokens with (in every export)
 * @param description for the start-up line
 */
record Timestamps(TimestampSource source, List<X509Certificate> chain, String description) {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    static Timestamps of(NodeSettings settings, BiFunction<String, String, char[]> secrets) {
        String tsa = settings.get("takamul.audit.tsa");
        boolean ownTsa = !settings.get("takamul.tsa.keystore").isEmpty();
        if (tsa.equals("off") || tsa.isEmpty() && !ownTsa) {
            return new Timestamps(null, List.of(), "by nobody (takamul.audit.tsa)");
        }
        if (tsa.equals("local") || tsa.isEmpty()) {
            if (!ownTsa) {
                throw new IllegalStateException("takamul.audit.tsa=local, but this node runs no TSA (takamul.tsa.keystore)");
            }
            char[] password = secrets.apply("takamul.tsa.password", "TAKAMUL_TSA_PASSWORD");
            KeyStore keys = Keystores.load(settings.getPath("takamul.tsa.keystore"), password);
            X509Certificate[] chain = Keystores.chain(keys);
            return new Timestamps(TimestampSources.local(new TimestampAuthority(Keystores.privateKey(keys, password), chain)),
                    List.of(chain), "by this node's TSA");
        }
        String anchors = settings.get("takamul.audit.tsa.trust");
        if (anchors.isEmpty()) {
            throw new IllegalStateException("takamul.audit.tsa=" + tsa + " needs takamul.audit.tsa.trust: "
                    + "the PEM certificates the TSA's certificate chains to");
        }
        List<X509Certificate> trust = Pem.readCertificates(settings.getPath("takamul.audit.tsa.trust"));
        return new Timestamps(TimestampSources.http(new TimestampClient(URI.create(tsa), trust, TIMEOUT)), trust,
                "by " + tsa);
    }
}
