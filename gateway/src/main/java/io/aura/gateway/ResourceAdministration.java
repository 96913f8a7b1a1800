package io.aura.gateway;

import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.approval.ApproverNames;
import io.aura.kernel.identity.UserQueries.FindUser;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.kernel.resource.ResourceCommands.ChangeResource;
import io.aura.kernel.resource.ResourceCommands.ClaimResourceName;
import io.aura.kernel.resource.ResourceCommands.RegisterResource;
import io.aura.kernel.resource.ResourceCommands.ReleaseResourceName;
import io.aura.kernel.resource.ResourceCommands.RetireResource;
import io.aura.kernel.resource.ResourceNames;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ListResources;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.site.SiteQueries.FindSite;
import io.aura.kernel.site.SiteQueries.SiteView;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Rule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Registering, editing and retiring resources, for every entry point (the HTTP API and the web UI call
 * this; they check the caller is an administrator). The rules of a resource are the kernel's
 * ({@link ResourceSpec#violations()}, checked again by the schedule aggregate); what needs other
 * aggregates is here: each named approver is a user, and the name is held by no other resource —
 * claimed on the name's own aggregate before the resource's event, so of two racing saves of one name
 * exactly one wins (ADR 0028). Bad input throws {@link InvalidInputException} naming each field, and
 * nothing is recorded.
 */
@Component
public class ResourceAdministration {
    static final Duration READ_SIDE_TIMEOUT = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(ResourceAdministration.class.getName());

    private final ReadYourWrites readYourWrites;
    private final CommandGateway commands;
    private final QueryGateway queries;

    public ResourceAdministration(ReadYourWrites readYourWrites, CommandGateway commands, QueryGateway queries) {
        this.readYourWrites = readYourWrites;
        this.commands = commands;
        this.queries = queries;
    }

    /** Registers a resource; answers its view once the read side has it. */
    public ResourceView register(ResourceSpec spec) {
        String id = UUID.randomUUID().toString();
        refuseIfWrong(id, spec);
        claim(spec.name(), id);
        try {
            return readYourWrites.sendAndAwait(new RegisterResource(id, spec), new FindResource(id),
                    ResourceView.class, v -> true, READ_SIDE_TIMEOUT).orElse(ResourceView.of(id, spec));
        } catch (RuntimeException refused) {
            release(spec.name(), id);
            throw refused;
        }
    }

    /**
     * Replaces a resource's rules with {@code spec} (bookings made stay as they are); answers the view once
     * it shows the change, or empty when no resource has this id.
     */
    public Optional<ResourceView> change(String resourceId, ResourceSpec spec) {
        Optional<ResourceView> current = find(resourceId);
        if (current.isEmpty()) {
            return current;
        }
        refuseIfWrong(resourceId, spec);
        String before = current.get().spec().name();
        boolean renamed = !ResourceNames.same(before, spec.name());
        // claimed even when unchanged: a resource from before names were claimed gets its claim now
        claim(spec.name(), resourceId);
        try {
            Optional<ResourceView> after = readYourWrites.sendAndAwait(new ChangeResource(resourceId, spec),
                    new FindResource(resourceId), ResourceView.class, v -> v.spec().equals(spec), READ_SIDE_TIMEOUT);
            if (renamed) {
                release(before, resourceId);
            }
            return Optional.of(after.orElse(new ResourceView(resourceId, spec, current.get().externalCalendar(),
                    current.get().retired())));
        } catch (RuntimeException refused) {
            if (renamed) {
                release(spec.name(), resourceId);
            }
            throw refused;
        }
    }

    /** Retires a resource: no new bookings on it, the ones it has stay. Empty when no resource has this id. */
    public Optional<ResourceView> retire(String resourceId) {
        Optional<ResourceView> current = find(resourceId);
        if (current.isEmpty()) {
            return current;
        }
        return Optional.of(readYourWrites.sendAndAwait(new RetireResource(resourceId), new FindResource(resourceId),
                        ResourceView.class, ResourceView::retired, READ_SIDE_TIMEOUT)
                .orElse(new ResourceView(resourceId, current.get().spec(), current.get().externalCalendar(), true)));
    }

    /**
     * Everything wrong with {@code spec} for the resource {@code resourceId} (a new one's id too): the
     * kernel's rules, approvers who are not users, and a name another resource has.
     */
    public List<FieldViolation> violations(String resourceId, ResourceSpec spec) {
        List<FieldViolation> violations = new ArrayList<>(spec.violations());
        Predicate<String> isUser = name -> queries.query(new FindUser(name),
                ResponseTypes.optionalInstanceOf(UserView.class)).join().isPresent();
        violations.addAll(ApproverNames.unknown("approvers", spec.approvers(), isUser));
        for (int i = 0; i < spec.approvalLevels().size(); i++) {
            ApprovalLevel level = spec.approvalLevels().get(i);
            if (level != null) {
                violations.addAll(ApproverNames.unknown("approvalLevels[" + i + "].approvers", level.approvers(),
                        isUser));
                violations.addAll(ApproverNames.unknown("approvalLevels[" + i + "].escalateTo", level.escalateTo(),
                        isUser));
            }
        }
        if (spec.siteId() != null && violations.stream().noneMatch(v -> v.field().equals("siteId"))
                && queries.query(new FindSite(spec.siteId()), ResponseTypes.optionalInstanceOf(SiteView.class)).join()
                        .isEmpty()) {
            violations.add(FieldViolation.of("siteId", Rule.NO_SUCH_SITE));
        }
        boolean nameIsWrong = violations.stream().anyMatch(v -> v.field().equals("name"));
        // the list catches names held since before names were claimed; the claim closes the race
        if (!nameIsWrong && all().stream().anyMatch(r -> !r.id().equals(resourceId)
                && ResourceNames.same(r.spec().name(), spec.name()))) {
            violations.add(FieldViolation.of("name", Rule.RESOURCE_NAME_TAKEN));
        }
        return violations;
    }

    /** Every resource, retired ones too, by name. */
    public List<ResourceView> all() {
        return queries.query(new ListResources(true), ResponseTypes.multipleInstancesOf(ResourceView.class)).join();
    }

    public Optional<ResourceView> find(String resourceId) {
        return queries.query(new FindResource(resourceId), ResponseTypes.optionalInstanceOf(ResourceView.class))
                .join();
    }

    private void refuseIfWrong(String resourceId, ResourceSpec spec) {
        List<FieldViolation> violations = violations(resourceId, spec);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    /**
     * Claims the name for the resource, or throws naming {@code name}. A claim that lost a race for the
     * name's first event fails in the event store; tried once more it reads the winner's claim and is refused.
     */
    private void claim(String name, String resourceId) {
        try {
            commands.sendAndWait(new ClaimResourceName(name, resourceId));
        } catch (InvalidInputException taken) {
            throw taken;
        } catch (RuntimeException lostTheRace) {
            commands.sendAndWait(new ClaimResourceName(name, resourceId));
        }
    }

    private void release(String name, String resourceId) {
        try {
            commands.sendAndWait(new ReleaseResourceName(name, resourceId));
        } catch (RuntimeException e) {
            // the name stays held by a resource that no longer has it; the refusal the caller sees matters more
            LOG.log(System.Logger.Level.WARNING, "could not release the resource name '" + name + "' of " + resourceId,
                    e);
        }
    }
}
