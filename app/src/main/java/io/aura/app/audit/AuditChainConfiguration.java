package io.aura.app.audit;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every appended event carries its chain hash in its metadata, whichever store keeps it (ADR 0012).
 * The sealer is registered on the event store, not declared as an interceptor bean: Axon's Spring
 * Boot support would put such a bean on the event gateway only, which aggregates do not use.
 */
@Configuration(proxyBeanMethods = false)
public class AuditChainConfiguration {

    @Bean
    SmartInitializingSingleton eventChainSealerRegistration(EventStore eventStore,
                                                            @Qualifier("eventSerializer") Serializer serializer) {
        return () -> eventStore.registerDispatchInterceptor(new EventChainSealer(eventStore, serializer));
    }
}
