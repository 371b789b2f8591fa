package ps.takamul.audit.checkpoint;

/**
 * Where checkpoints get their RFC 3161 time-stamps: an external authority over HTTP, or the hub's
 * own in-process one ({@link TimestampSources}).
 */
@FunctionalInterface
public interface TimestampSource {

    /**
     * Time-stamps a SHA-256 digest (32 bytes).
     *
     * @return the DER-encoded TimeStampToken (the CMS SignedData, not the whole response)
     * @throws RuntimeException when no acceptable token can be had
     */
    byte[] timestamp(byte[] sha256);
}
