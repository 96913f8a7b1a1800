package io.aura.app.waitlist;

import io.aura.app.privacy.PersonalKeyShredder;
import io.aura.kernel.identity.UserEvents.UserErased;
import io.aura.kernel.waitlist.WaitlistCommands.LeaveWaitlist;
import io.aura.kernel.waitlist.WaitlistEntryStatus;
import io.aura.kernel.waitlist.WaitlistQueries.FindWaitlistOf;
import io.aura.kernel.waitlist.WaitlistQueries.WaitlistEntryView;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An erased person waits for nothing (ADR 0046): their waiting entries leave their waitlists, as an administrator
 * would take them off, so no freed slot is booked for an account that can no longer sign in. Never replayed: the
 * entries left once.
 */
// one processor for everything an erasure sets off (ADR 0046): one more reader of the store, not three
@ProcessingGroup(PersonalKeyShredder.PROCESSING_GROUP)
@Component
@DisallowReplay
public class ErasedPeopleLeaveWaitlists {
    private static final Logger log = LoggerFactory.getLogger(ErasedPeopleLeaveWaitlists.class);

    private final CommandGateway commands;
    private final QueryGateway queries;

    public ErasedPeopleLeaveWaitlists(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @EventHandler
    void on(UserErased event) {
        List<WaitlistEntryView> entries = queries.query(new FindWaitlistOf(event.username()),
                ResponseTypes.multipleInstancesOf(WaitlistEntryView.class)).join();
        for (WaitlistEntryView entry : entries) {
            if (entry.status() != WaitlistEntryStatus.WAITING) {
                continue;
            }
            try {
                // recorded as done by whoever erased them (the event's actor travels on as correlation data)
                commands.sendAndWait(new LeaveWaitlist(entry.entryId(), entry.resourceId(), event.username(), true));
            } catch (RuntimeException promotedMeanwhile) { // it no longer waits: nothing to take off
                log.info("Waitlist entry {} of an erased person no longer waits: {}", entry.entryId(),
                        promotedMeanwhile.getMessage());
            }
        }
    }
}
