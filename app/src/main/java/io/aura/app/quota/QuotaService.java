package io.aura.app.quota;

import io.aura.gateway.ReadYourWrites;
import io.aura.kernel.category.CategoryQueries.CategoryView;
import io.aura.kernel.category.CategoryQueries.FindCategories;
import io.aura.kernel.identity.UserQueries.FindUser;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.kernel.quota.Charge;
import io.aura.kernel.quota.QuotaCommands.DefineQuota;
import io.aura.kernel.quota.QuotaCommands.RemoveQuota;
import io.aura.kernel.quota.QuotaLedgerRules;
import io.aura.kernel.quota.QuotaLedgerRules.QuotaUsage;
import io.aura.kernel.quota.QuotaQueries.FindApplicableQuotas;
import io.aura.kernel.quota.QuotaQueries.FindQuota;
import io.aura.kernel.quota.QuotaQueries.FindQuotaCharges;
import io.aura.kernel.quota.QuotaQueries.FindQuotas;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.quota.QuotaSpec;
import io.aura.kernel.quota.Quotas;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Rule;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/**
 * Quotas over commands and views (ADR 0034): definitions are events of their own aggregate, answered once the
 * view shows them; the entry points' lookup ({@link #applicableTo}) reads the same view, so a quota counts for
 * every request that enters after its definition was answered.
 */
@Service
public class QuotaService implements Quotas {
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    public QuotaService(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @Override
    public QuotaView define(QuotaSpec spec) {
        List<FieldViolation> violations = new ArrayList<>(spec.violations());
        if (violations.stream().noneMatch(v -> v.field().equals("resourceId")) && spec.resourceId() != null
                && resource(spec.resourceId()).isEmpty()) {
            violations.add(FieldViolation.of("resourceId", Rule.UNKNOWN_RESOURCE));
        }
        if (violations.stream().noneMatch(v -> v.field().equals("username")) && spec.username() != null
                && queries.query(new FindUser(spec.username()), ResponseTypes.optionalInstanceOf(UserView.class))
                        .join().isEmpty()) {
            violations.add(FieldViolation.of("username", Rule.UNKNOWN_USER, spec.username()));
        }
        // a category is one of the administrators' list (ADR 0040), as a booking's is: else it would match nothing
        if (violations.stream().noneMatch(v -> v.field().equals("category")) && spec.category() != null
                && CategoryView.named(queries.query(new FindCategories(),
                        ResponseTypes.multipleInstancesOf(CategoryView.class)).join(), spec.category()).isEmpty()) {
            violations.add(FieldViolation.of("category", Rule.UNKNOWN_CATEGORY));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String quotaId = UUID.randomUUID().toString();
        return readYourWrites.sendAndAwait(new DefineQuota(quotaId, spec), new FindQuota(quotaId), QuotaView.class,
                q -> true, VISIBLE_WITHIN).orElse(new QuotaView(quotaId, spec));
    }

    @Override
    public List<QuotaView> all() {
        return queries.query(new FindQuotas(), ResponseTypes.multipleInstancesOf(QuotaView.class)).join();
    }

    @Override
    public boolean remove(String quotaId) {
        try {
            commands.sendAndWait(new RemoveQuota(quotaId));
        } catch (RuntimeException e) {
            if (notFound(e)) {
                return false;
            }
            throw e;
        }
        // read your writes: the list an administrator sees next no longer holds it
        Instant until = clock.instant().plus(VISIBLE_WITHIN);
        while (find(quotaId).isPresent() && clock.instant().isBefore(until)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return true;
    }

    @Override
    public List<QuotaUsage> usageOf(String username, Collection<String> roles) {
        List<Charge> charges = queries.query(new FindQuotaCharges(username),
                ResponseTypes.multipleInstancesOf(Charge.class)).join();
        Instant now = clock.instant();
        return all().stream().filter(q -> q.spec().appliesTo(username, roles))
                .flatMap(q -> QuotaLedgerRules.usage(List.of(q), charges, now,
                        q.spec().resourceId() == null ? ZoneOffset.UTC : zoneOf(q.spec().resourceId())).stream())
                .toList();
    }

    /** Where a request enters (API, UI, waitlist): the saga that counts it may not query this (ADR 0034). */
    @Override
    public List<QuotaView> applicableTo(String username, Collection<String> roles, String resourceId,
                                        String category) {
        if (resourceId == null || resourceId.isBlank()) {
            return List.of();
        }
        return queries.query(new FindApplicableQuotas(username, List.copyOf(roles), resourceId, category),
                ResponseTypes.multipleInstancesOf(QuotaView.class)).join();
    }

    private ZoneId zoneOf(String resourceId) {
        try {
            return resource(resourceId).map(r -> ZoneId.of(r.spec().timeZone())).orElse(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC; // a resource's zone is validated when it is registered; this is only a guard
        }
    }

    private Optional<QuotaView> find(String quotaId) {
        return queries.query(new FindQuota(quotaId), ResponseTypes.optionalInstanceOf(QuotaView.class)).join();
    }

    private Optional<ResourceView> resource(String resourceId) {
        return queries.query(new FindResource(resourceId), ResponseTypes.optionalInstanceOf(ResourceView.class)).join();
    }

    /** Locally the handler's exception arrives as it is; through Axon Server wrapped in a CommandExecutionException. */
    private static boolean notFound(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AggregateNotFoundException) {
                return true;
            }
        }
        return false;
    }
}
