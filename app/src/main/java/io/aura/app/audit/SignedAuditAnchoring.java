package io.aura.app.audit;

import io.aura.app.security.AuditAnchors;
import io.aura.kernel.audit.AuditAnchoring;
import io.aura.kernel.audit.AuditLog;
import io.jsonwebtoken.JwtException;
import org.springframework.stereotype.Component;

/** Anchors signed with the server's ES256 key over the audit log's digest. */
@Component
public class SignedAuditAnchoring implements AuditAnchoring {
    private final AuditLog audit;
    private final AuditAnchors anchors;

    public SignedAuditAnchoring(AuditLog audit, AuditAnchors anchors) {
        this.audit = audit;
        this.anchors = anchors;
    }

    @Override
    public Anchor take() {
        AuditLog.Digest digest = audit.digest(-1);
        return new Anchor(digest, anchors.sign(digest));
    }

    @Override
    public Check check(String signed) {
        if (signed == null || signed.isBlank()) {
            throw new IllegalArgumentException("no audit anchor given");
        }
        AuditLog.Digest anchored;
        try {
            anchored = anchors.verify(signed.strip());
        } catch (JwtException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an audit anchor issued by this server", e);
        }
        AuditLog.Digest now = audit.digest(anchored.headIndex());
        AuditLog.Verification chain = audit.verify(null);
        AuditLog.Break firstBreak = chain.valid() || chain.firstBreak().globalIndex() > anchored.headIndex()
                ? null : chain.firstBreak();
        return new Check(now.equals(anchored) && firstBreak == null, anchored, now, firstBreak);
    }
}
