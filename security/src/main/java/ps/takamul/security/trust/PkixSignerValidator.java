package ps.takamul.security.trust;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ps.takamul.core.identifier.MemberId;

/**
 * Validates message signers' certificates against the instance's roots, in this order, cheapest
 * first and the network last: a path to an anchor (UNTRUSTED), the algorithm policy on every
 * certificate of it (WEAK_ALGORITHM), the JDK's PKIX checks at the signing time (UNTRUSTED,
 * EXPIRED, NOT_YET_VALID), member-signing usage (WRONG_USAGE), then revocation of the signer's
 * certificate (REVOKED, REVOCATION_UNAVAILABLE).
 *
 * <p>A certificate that passed is remembered by its SHA-256 fingerprint for {@code cacheFor}, so a
 * member sending many messages costs one validation, not one per message; the price is that a
 * revocation is noticed up to {@code cacheFor} late. Failures are never cached: a responder that
 * was down a moment ago is asked again.
 */
public final class PkixSignerValidator implements SignerValidator {
    private record Validated(MemberId member, Instant notBefore, Instant notAfter) {
        boolean covers(Instant at) {
            return !at.isBefore(notBefore) && !at.isAfter(notAfter);
        }
    }

    private final List<X509Certificate> anchors;
    private final List<X509Certificate> intermediates;
    private final RevocationChecker revocation;
    private final AlgorithmPolicy algorithms;
    private final Duration cacheFor;
    private final ExpiringCache<X509Certificate, Validated> validated;
    private final Clock clock;

    private PkixSignerValidator(Builder builder) {
        this.anchors = List.copyOf(builder.anchors);
        this.intermediates = List.copyOf(builder.intermediates);
        this.revocation = builder.revocation;
        this.algorithms = builder.algorithms;
        this.cacheFor = builder.cacheFor;
        this.validated = new ExpiringCache<>(builder.cacheSize);
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public MemberId validate(List<X509Certificate> chain, Instant at) {
        if (chain == null || chain.isEmpty() || chain.stream().anyMatch(java.util.Objects::isNull)) {
            throw new CertificateRejectedException(CertificateProblem.UNTRUSTED, "no signer certificate");
        }
        Objects.requireNonNull(at, "at");
        X509Certificate signer = chain.get(0);
        // Certificates are equal when their DER is: the key names one exact certificate.
        Validated known = validated.get(signer, clock.instant());
        if (known != null && known.covers(at)) {
            return known.member();
        }
        List<X509Certificate> cas = new ArrayList<>(chain.subList(1, chain.size()));
        cas.addAll(intermediates);
        SignerPath path = SignerPath.build(signer, cas, anchors);
        path.all().forEach(algorithms::check);
        path.validateAt(at);
        MemberId member = MemberSigningUsage.require(signer);
        revocation.check(signer, path.issuerOf(0), at);
        if (!cacheFor.isZero()) {
            validated.put(signer, new Validated(member, path.notBefore(), path.notAfter()),
                    clock.instant().plus(cacheFor));
        }
        return member;
    }

    /** Configures a validator; anchors and a revocation checker are required. */
    public static final class Builder {
        private List<X509Certificate> anchors = List.of();
        private List<X509Certificate> intermediates = List.of();
        private RevocationChecker revocation;
        private AlgorithmPolicy algorithms = AlgorithmPolicy.STANDARD;
        private Duration cacheFor = Duration.ofMinutes(5);
        private int cacheSize = 10_000;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The trusted roots: the instance's root-ca.pem (and another instance's, to federate). */
        public Builder anchors(List<X509Certificate> anchors) {
            this.anchors = List.copyOf(anchors);
            return this;
        }

        /** Issuing CAs known in advance; a message may also carry them after the signer's certificate. */
        public Builder intermediates(List<X509Certificate> intermediates) {
            this.intermediates = List.copyOf(intermediates);
            return this;
        }

        /** Required, so that turning revocation off is a visible choice ({@link RevocationChecker#NONE}). */
        public Builder revocation(RevocationChecker revocation) {
            this.revocation = Objects.requireNonNull(revocation, "revocation");
            return this;
        }

        public Builder algorithms(AlgorithmPolicy algorithms) {
            this.algorithms = Objects.requireNonNull(algorithms, "algorithms");
            return this;
        }

        /** How long a positive result is reused (default 5 minutes); zero turns the cache off. */
        public Builder cacheFor(Duration cacheFor) {
            if (cacheFor == null || cacheFor.isNegative()) {
                throw new IllegalArgumentException("cacheFor must be zero or positive");
            }
            this.cacheFor = cacheFor;
            return this;
        }

        /** How many certificates the cache remembers at most (default 10,000), least recently used out first. */
        public Builder cacheSize(int cacheSize) {
            this.cacheSize = cacheSize;
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public PkixSignerValidator build() {
            if (anchors.isEmpty()) {
                throw new IllegalStateException("a validator needs at least one trust anchor");
            }
            if (revocation == null) {
                throw new IllegalStateException("choose a revocation checker (RevocationChecker.NONE to skip)");
            }
            return new PkixSignerValidator(this);
        }
    }
}
