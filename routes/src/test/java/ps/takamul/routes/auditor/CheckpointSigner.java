package ps.takamul.routes.auditor;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import ps.takamul.audit.checkpoint.SignedCheckpoints;

/** A checkpoint key made for one test run: an EC P-256 key and its self-signed certificate. */
record CheckpointSigner(KeyPair key, X509Certificate certificate) {

    static CheckpointSigner create(String origin) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair key = generator.generateKeyPair();
        X500Name name = new X500Name("O=Takamul test,CN=Takamul audit checkpoints " + origin);
        Instant now = Instant.now();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))), name, key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
        return new CheckpointSigner(key, certificate);
    }

    SignedCheckpoints checkpoints(String origin) {
        return new SignedCheckpoints(origin, key.getPrivate(), List.of(certificate), null);
    }
}
