package ps.takamul.security.tsa;

import ps.takamul.security.pki.Crypto;
import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import ps.takamul.security.pki.Profile;

/**
 * An RFC 3161 time-stamping authority on Bouncy Castle's TSP: answers a time-stamp query (DER)
 * with a signed time-stamp response (DER) binding the query's digest to the current time. The
 * key's certificate must have the {@code tsa} profile (timeStamping, critical); the chain goes in
 * every token, so a verifier needs only the root (e.g. {@code openssl ts -verify}).
 */
public final class TimestampAuthority {
    /** The policy under which tokens are issued: the TSA profile's policy OID. */
    public static final ASN1ObjectIdentifier POLICY = Profile.TSA.policy();

    private final TimeStampResponseGenerator responses;
    private final SecureRandom serials = new SecureRandom();

    public TimestampAuthority(PrivateKey key, X509Certificate[] chain) {
        try {
            String algorithm = Crypto.signatureAlgorithm(key);
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build(algorithm, key, chain[0]),
                    new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    POLICY);
            tokens.addCertificates(new JcaCertStore(Arrays.asList(chain)));
            this.responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the time-stamping key: " + e.getMessage(), e);
        }
    }

    /**
     * Answers a DER time-stamp query. A query that cannot be read, or asks for an unknown digest
     * algorithm or policy, gets a rejection response (status 2) rather than an exception: that is
     * how RFC 3161 clients expect to hear "no".
     */
    public byte[] respond(byte[] query) {
        try {
            TimeStampRequest request;
            try {
                request = new TimeStampRequest(query);
            } catch (IOException | RuntimeException e) {
                return responses.generateRejectedResponse(new TSPException("malformed time-stamp query"))
                        .getEncoded();
            }
            BigInteger serial = new BigInteger(64, serials);
            TimeStampResponse response = responses.generate(request, serial, new Date());
            return response.getEncoded();
        } catch (TSPException | IOException e) {
            try {
                return responses.generateFailResponse(org.bouncycastle.asn1.cmp.PKIStatus.REJECTION,
                        PKIFailureInfo.systemFailure, "time-stamping failed").getEncoded();
            } catch (TSPException | IOException again) {
                throw new IllegalStateException(again);
            }
        }
    }
}
