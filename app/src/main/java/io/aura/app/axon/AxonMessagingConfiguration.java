package io.aura.app.axon;

import io.aura.app.axon.upcasting.BookingRequestedUpcaster;
import io.aura.app.axon.upcasting.KernelRevisionResolver;
import io.aura.app.axon.upcasting.SingleRangeUpcaster;
import io.aura.app.contention.LearnedSignals;
import io.aura.app.notify.WebhookOutbox;
import io.aura.app.ops.RequestLogFilter;
import io.aura.app.privacy.PersonalDataCipher;
import io.aura.app.privacy.PersonalDataSerializer;
import io.aura.app.storage.WriterFirst;
import io.aura.app.waitlist.FreedTimeOffers;
import io.aura.command.approval.Approval;
import io.aura.command.booking.Booking;
import io.aura.command.category.CategoryList;
import io.aura.command.feed.CalendarFeed;
import io.aura.command.identity.UserAccount;
import io.aura.command.quota.QuotaDefinition;
import io.aura.command.quota.QuotaLedger;
import io.aura.command.resource.ResourceName;
import io.aura.command.schedule.ResourceSchedule;
import io.aura.command.site.Site;
import io.aura.command.site.TravelTimeTable;
import io.aura.command.waitlist.Waitlist;
import io.aura.command.webhook.Webhook;
import io.aura.kernel.MessageMetadata;
import io.aura.kernel.TargetsAggregate;
import io.aura.saga.BookingSaga;
import io.aura.saga.WaitlistSaga;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.distributed.RoutingStrategy;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** How Axon is put together around framework-free aggregates and messages. */
@Configuration(proxyBeanMethods = false)
public class AxonMessagingConfiguration {

    /** Metadata key naming who caused a message; copied onto every event a command causes. */
    public static final String ACTOR = MessageMetadata.ACTOR;
    public static final String SYSTEM_ACTOR = "system";

    // ---- serialization: JSON (Jackson 3) for messages, events, tokens and sagas -----------------

    @Bean
    @Primary
    public Serializer serializer() {
        return jsonSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(PersonalDataCipher personalDataCipher) {
        // personal data in events is stored sealed with its person's key (ADR 0046)
        return new PersonalDataSerializer(jsonSerializer(), personalDataCipher);
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return jsonSerializer();
    }

    public static Serializer jsonSerializer() {
        // Axon's tokens carry polymorphic fields; allow exactly Axon's and our own types there.
        var validator = BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("io.aura.")
                .allowIfSubType("java.util.")
                .build();
        return Jackson3Serializer.builder()
                .revisionResolver(new KernelRevisionResolver())
                .jsonMapperBuilderCustomizer(builder -> builder.polymorphicTypeValidator(validator))
                .build();
    }

    /** Old event shapes are read through these (picked up by Axon Server's store; the embedded one is given them). */
    @Bean
    public EventUpcaster bookingRequestedUpcaster() {
        return new BookingRequestedUpcaster();
    }

    @Bean
    public EventUpcaster singleRangeUpcaster() {
        return new SingleRangeUpcaster();
    }

    // ---- aggregates: registered here so the command module stays free of Spring ----------------

    @Bean
    public ConfigurerModule aggregatesModule() {
        CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();
        CommandTargetResolver resolver = command -> command.getPayload() instanceof TargetsAggregate target
                ? new VersionedAggregateIdentifier(target.targetAggregateId(), null)
                : annotations.resolveTarget(command);
        RoutingStrategy routing = command -> command.getPayload() instanceof TargetsAggregate target
                ? target.targetAggregateId()
                : command.getIdentifier();
        return configurer -> configurer
                .registerComponent(CommandTargetResolver.class, c -> resolver)
                .registerComponent(RoutingStrategy.class, c -> routing)
                .configureAggregate(UserAccount.class)
                // The schedule and the booking stay in memory between commands (the event store stays the
                // truth: a cache miss re-reads it), so a busy resource is not replayed for every hold.
                .configureAggregate(AggregateConfigurer.defaultConfiguration(ResourceSchedule.class)
                        .configureCache(c -> new WeakReferenceCache()))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Booking.class)
                        .configureCache(c -> new WeakReferenceCache()))
                .configureAggregate(Approval.class)
                .configureAggregate(Webhook.class)
                .configureAggregate(CalendarFeed.class)
                .configureAggregate(ResourceName.class)
                .configureAggregate(Waitlist.class)
                .configureAggregate(QuotaDefinition.class)
                .configureAggregate(QuotaLedger.class)
                .configureAggregate(Site.class)
                .configureAggregate(TravelTimeTable.class)
                .configureAggregate(CategoryList.class)
                .eventProcessing(processing -> processing.registerSaga(BookingSaga.class)
                        // Webhooks receive what happens from their registration on, not the store's history.
                        .registerTrackingEventProcessorConfiguration(WebhookOutbox.PROCESSING_GROUP,
                                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                        .registerSaga(WaitlistSaga.class)
                        // The ranking's signals live in memory on each node: their position too, and they write
                        // nothing, so they take no transaction (and no turn on the embedded store's one
                        // connection) for it (ADR 0056).
                        .registerTokenStore(LearnedSignals.PROCESSING_GROUP, c -> new InMemoryTokenStore())
                        .registerTransactionManager(LearnedSignals.PROCESSING_GROUP,
                                c -> NoTransactionManager.INSTANCE)
                        // Time freed before waitlists existed had nobody waiting for it (ADR 0036).
                        .registerTrackingEventProcessorConfiguration(FreedTimeOffers.PROCESSING_GROUP,
                                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken)));
    }

    // ---- the actor: taken from the authenticated caller, never from a request body ---------------

    @Bean
    public MessageDispatchInterceptor<CommandMessage<?>> actorMetadataInterceptor() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                    List<? extends CommandMessage<?>> messages) {
                return (index, command) -> withRequestId(command.getMetaData().containsKey(ACTOR)
                        ? command
                        : command.andMetaData(Map.of(ACTOR, currentActor(), MessageMetadata.ACTOR_ROLES, currentRoles())));
            }
        };
    }

    @Bean
    public CorrelationDataProvider actorCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(ACTOR, MessageMetadata.ACTOR_ROLES, "approvalToken",
                MessageMetadata.REQUEST_ID);
    }

    /** The HTTP request being served on this thread, if any (commands sent by sagas and sweeps have none). */
    static CommandMessage<?> withRequestId(CommandMessage<?> command) {
        if (command.getMetaData().containsKey(MessageMetadata.REQUEST_ID)
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            return command;
        }
        Object id = request.getRequest().getAttribute(RequestLogFilter.REQUEST_ID);
        return id == null ? command : command.andMetaData(Map.of(MessageMetadata.REQUEST_ID, id));
    }

    /**
     * Deadlines on this node, on time. Not persisted: the approval deadline sweep over the approvals
     * view is what survives a restart and works across nodes (ADR 0007).
     */
    @Bean
    public DeadlineManager deadlineManager(org.axonframework.config.Configuration axon,
                                           org.axonframework.common.transaction.TransactionManager transactions,
                                           ObjectProvider<WriterFirst> writerFirst) {
        // One transaction around loading the saga and what its handler sends: with the embedded store's
        // single connection, a handler outside it would wait for the connection its own caller holds. On that
        // store the transaction takes the writer before the saga's lock, as every command does (ADR 0057).
        WriterFirst embedded = writerFirst.getIfAvailable();
        return SimpleDeadlineManager.builder().scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .transactionManager(embedded == null ? transactions : embedded.around(transactions)).build();
    }

    static String currentRoles() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return "";
        }
        return auth.getAuthorities().stream().map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
                .sorted().collect(Collectors.joining(","));
    }

    static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof AnonymousAuthenticationToken) {
            return "anonymous";
        }
        return auth == null || !auth.isAuthenticated() || auth.getName() == null ? SYSTEM_ACTOR : auth.getName();
    }
}
