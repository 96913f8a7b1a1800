package io.aura.app.migration;

import io.aura.app.storage.WriterFirst;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On the embedded default, where the booking saga decides in the request's thread (ADR 0057), a data directory of an
 * earlier release hands its saga what it had not handled yet, once Axon has started.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aura.storage", havingValue = "embedded", matchIfMissing = true)
public class BookingSagaCatchUpConfiguration {

    @Bean
    public BookingSagaCatchUp bookingSagaCatchUp(EventProcessingConfiguration processing, EventStore eventStore,
                                                 TokenStore tokenStore, TransactionManager transactions,
                                                 WriterFirst writerFirst, org.axonframework.config.Configuration axon) {
        return new BookingSagaCatchUp(processing, eventStore, tokenStore, transactions, writerFirst,
                axon.correlationDataProviders());
    }

    @Bean
    public ApplicationListener<ApplicationReadyEvent> bookingSagaCatchUpAtStart(BookingSagaCatchUp catchUp) {
        return ready -> catchUp.catchUpIfBehind();
    }
}
