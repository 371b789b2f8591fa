package ps.takamul.audit.checkpoint;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import ps.takamul.security.tsa.TimestampAuthority;
import ps.takamul.security.tsa.TimestampClient;
import ps.takamul.security.tsa.TimestampException;

/** The two ways a node time-stamps its checkpoints. */
public final class TimestampSources {
    private static final SecureRandom NONCES = new SecureRandom();

    private TimestampSources() {
    }

    /** An external authority; the client checks every token (nonce, imprint, chain, signature) before it is used. */
    public static TimestampSource http(TimestampClient client) {
        return sha256 -> encoded(client.stamp(sha256));
    }

    /**
     * The hub's own authority in the same process: the same RFC 3161 query and response a remote
     * client would exchange, without the network, and the same checks of the answer.
     */
    public static TimestampSource local(TimestampAuthority authority) {
        return sha256 -> {
            if (sha256 == null || sha256.length != 32) {
                throw new IllegalArgumentException("a SHA-256 digest is 32 bytes");
            }
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, NONCES));
            try {
                TimeStampResponse response = new TimeStampResponse(authority.respond(request.getEncoded()));
                response.validate(request);
                TimeStampToken token = response.getTimeStampToken();
                if (token == null) {
                    throw new TimestampException("the in-process TSA refused the request: status " + response.getStatus()
                            + (response.getStatusString() != null ? ", \"" + response.getStatusString() + "\"" : ""));
                }
                return encoded(token);
            } catch (TSPException | IOException e) {
                throw new TimestampException("the in-process TSA's answer is not acceptable: " + e.getMessage(), e);
            }
        };
    }

    private static byte[] encoded(TimeStampToken token) {
        try {
            return token.getEncoded();
        } catch (IOException e) {
            throw new TimestampException("cannot encode the time-stamp token", e);
        }
    }
}
