package io.aura.app.audit;

import io.aura.kernel.audit.AuditLog.Digest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Folds (global index, chain hash) pairs, oldest first, into one SHA-256: the body of an audit anchor. */
final class ChainDigest {
    private final MessageDigest sha;
    private long events;

    ChainDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void add(long globalIndex, String chainHash) {
        byte[] hash = (chainHash == null ? "" : chainHash).getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(12).putLong(globalIndex).putInt(hash.length).array());
        sha.update(hash);
        events++;
    }

    Digest finish(long headIndex) {
        return new Digest(headIndex, events, HexFormat.of().formatHex(sha.digest()));
    }
}
