package ps.takamul.audit.merkle;

/** The leaf hashes of an append-only log, by position: what a store gives the tree to work on. */
public interface LeafHashes {

    /** How many leaves the log holds. */
    long size();

    /** The leaf hash at {@code index}, 0-based, below {@link #size()}. */
    byte[] leafHash(long index);
}
