package io.aura.app.privacy;

import io.aura.kernel.identity.UserEvents.UserErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Deletes an erased person's key (ADR 0046). The erasing request does it at once; this is the guarantee that it
 * happens even when the node stopped in between: a tracking processor, so the event is handled after any restart.
 */
@Component
@ProcessingGroup(PersonalKeyShredder.PROCESSING_GROUP)
public class PersonalKeyShredder {
    public static final String PROCESSING_GROUP = "privacy";

    private final PersonalKeys keys;

    public PersonalKeyShredder(PersonalKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    @DisallowReplay
    void on(UserErased event) {
        keys.erase(event.username());
    }
}
