package ps.takamul.security.trust;

/** A certificate failed validation; {@link #problem()} says which check, the message says why. */
public class CertificateRejectedException extends RuntimeException {
    private final CertificateProblem problem;

    public CertificateRejectedException(CertificateProblem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public CertificateRejectedException(CertificateProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public CertificateProblem problem() {
        return problem;
    }
}
