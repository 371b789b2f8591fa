package ps.takamul.audit.verify;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import ps.takamul.audit.bundle.BundleFormat;
import ps.takamul.audit.checkpoint.CheckpointNote;
import ps.takamul.audit.store.Checkpoint;
import ps.takamul.security.pki.Crypto;

/**
 * A checkpoint's signature over its note, the signer's chain, and its RFC 3161 token: the imprint
 * is SHA-256 of the signature, the token verifies with the TSA certificate the bundle carries, and
 * both chains lead to the auditor's trust anchors (or are pinned, and the notes say by what).
 */
final class CheckpointChecks {
    private final Findings findings;
    private final String origin;
    private final List<X509Certificate> signerChain;
    private final List<X509Certificate> tsaChain;
    private final List<X509Certificate> anchors;
    private final Set<X509Certificate> tsaNoted = new HashSet<>();

    CheckpointChecks(Findings findings, String origin, List<X509Certificate> signerChain, List<X509Certificate> tsaChain,
                     List<X509Certificate> anchors) {
        this.findings = findings;
        this.origin = origin;
        this.signerChain = signerChain;
        this.tsaChain = tsaChain;
        this.anchors = anchors;
    }

    /** The signer's chain, at the first and the last checkpoint's time: valid at both, valid between. */
    void signerChain(List<Checkpoint> checkpoints) {
        if (signerChain.isEmpty()) {
            if (!checkpoints.isEmpty()) {
                findings.problem(BundleFormat.CHECKPOINT_CHAIN + " missing: checkpoint signatures cannot be checked");
            }
            return;
        }
        X509Certificate signer = signerChain.get(0);
        if (anchors.isEmpty()) {
            findings.note("checkpoint certificate " + CertificatePaths.subject(signer)
                    + " pinned (no trust anchors given): SHA-256 fingerprint " + CertificatePaths.fingerprint(signer));
            return;
        }
        Set<Instant> times = new java.util.LinkedHashSet<>();
        if (!checkpoints.isEmpty()) {
            times.add(checkpoints.get(0).at());
            times.add(checkpoints.get(checkpoints.size() - 1).at());
        }
        for (Instant at : times) {
            String why = CertificatePaths.untrusted(signerChain, anchors, Date.from(at));
            if (why != null) {
                findings.problem(BundleFormat.CHECKPOINT_CHAIN + ": " + CertificatePaths.subject(signer)
                        + " does not chain to a trust anchor at " + CheckpointNote.time(at) + ": " + why);
                return;
            }
        }
        findings.note("checkpoint certificate " + CertificatePaths.subject(signer) + " chains to a trust anchor");
    }

    /** The signature and the time-stamp of one checkpoint. */
    void check(Checkpoint checkpoint) {
        String name = "checkpoint at tree size " + checkpoint.treeSize();
        if (checkpoint.signature().length == 0) {
            findings.problem(name + ": not signed");
            return;
        }
        if (!signerChain.isEmpty()) {
            X509Certificate signer = signerChain.get(0);
            if (!CheckpointNote.verify(signer.getPublicKey(), CheckpointNote.bytes(origin, checkpoint), checkpoint.signature())) {
                findings.problem(name + ": signature does not verify with " + CertificatePaths.subject(signer));
            }
        }
        timestamp(name, checkpoint);
    }

    private void timestamp(String name, Checkpoint checkpoint) {
        if (checkpoint.timestampToken().length == 0) {
            findings.note(name + VerificationReport.NOT_TIMESTAMPED);
            return;
        }
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(checkpoint.timestampToken()));
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            findings.problem(name + ": timestamp token cannot be read (" + e.getMessage() + ")");
            return;
        }
        TimeStampTokenInfo info = token.getTimeStampInfo();
        if (!TSPAlgorithms.SHA256.equals(info.getMessageImprintAlgOID())
                || !MessageDigest.isEqual(CheckpointNote.imprint(checkpoint.signature()), info.getMessageImprintDigest())) {
            findings.problem(name + ": timestamp imprint does not match its signature");
            return;
        }
        X509Certificate tsa = signerOf(token);
        if (tsa == null) {
            findings.problem(name + ": timestamp signed by " + token.getSID().getIssuer() + " serial "
                    + token.getSID().getSerialNumber().toString(16) + ", which is not in " + BundleFormat.TSA_CHAIN);
            return;
        }
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Crypto.bouncyCastle()).build(tsa));
        } catch (TSPException | OperatorCreationException | RuntimeException e) {
            findings.problem(name + ": timestamp signature does not verify with " + CertificatePaths.subject(tsa)
                    + " (" + e.getMessage() + ")");
            return;
        }
        Instant genTime = info.getGenTime().toInstant();
        if (!tsaTrusted(name, tsa, genTime)) {
            return;
        }
        findings.note(name + ": signed " + CheckpointNote.time(checkpoint.at()) + ", timestamped "
                + CheckpointNote.time(genTime) + " by " + CertificatePaths.subject(tsa));
    }

    private boolean tsaTrusted(String name, X509Certificate tsa, Instant genTime) {
        if (anchors.isEmpty()) {
            if (tsaNoted.add(tsa)) {
                findings.note("TSA certificate " + CertificatePaths.subject(tsa)
                        + " pinned (no trust anchors given): SHA-256 fingerprint " + CertificatePaths.fingerprint(tsa));
            }
            return true;
        }
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(tsa);
        tsaChain.stream().filter(c -> !c.equals(tsa)).forEach(chain::add);
        String why = CertificatePaths.untrusted(chain, anchors, Date.from(genTime));
        if (why != null) {
            findings.problem(name + ": timestamp signer " + CertificatePaths.subject(tsa)
                    + " does not chain to a trust anchor at " + CheckpointNote.time(genTime) + ": " + why);
            return false;
        }
        return true;
    }

    private X509Certificate signerOf(TimeStampToken token) {
        for (X509Certificate candidate : tsaChain) {
            try {
                if (token.getSID().match(new JcaX509CertificateHolder(candidate))) {
                    return candidate;
                }
            } catch (CertificateEncodingException e) {
                // an unreadable certificate is no candidate
            }
        }
        return null;
    }
}
