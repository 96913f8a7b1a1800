package io.aura.app.identity;

import io.aura.app.idempotency.IdempotencyStore;
import io.aura.app.privacy.PersonalKeyShredder;
import io.aura.app.security.CredentialStore;
import io.aura.kernel.identity.UserEvents.UserErased;
import java.security.SecureRandom;
import java.util.Base64;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * What the account's own stores keep of an erased person is forgotten (ADR 0046): the password hash becomes the
 * hash of a secret nobody was ever told (the row stays, so the name stays taken and nobody registers as them),
 * and the answers kept for their idempotency keys go. In the privacy processor (with the key's deletion), so the
 * shared stores forget them once, after any restart too.
 */
@Component
// one processor for everything an erasure sets off (ADR 0046): one more reader of the store, not three
@ProcessingGroup(PersonalKeyShredder.PROCESSING_GROUP)
public class AccountErasure {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CredentialStore credentials;
    private final IdempotencyStore idempotency;
    private final PasswordEncoder encoder;

    public AccountErasure(CredentialStore credentials, IdempotencyStore idempotency, PasswordEncoder encoder) {
        this.credentials = credentials;
        this.idempotency = idempotency;
        this.encoder = encoder;
    }

    @EventHandler
    void on(UserErased e) {
        credentials.replace(e.username(), encoder.encode(unknowable()));
        idempotency.forgetCaller(e.username());
    }

    private static String unknowable() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
