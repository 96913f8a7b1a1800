package io.aura.app.storage;

import com.mongodb.client.MongoClient;
import io.aura.app.security.AccountEvents;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Production (ADR 0002): events and message routing in Axon Server; tracking tokens, sagas,
 * projections and credentials in a real MongoDB. The axon-mongo starter stops at 4.10, so its
 * beans are declared here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aura.storage", havingValue = "production")
public class ProductionStorageConfiguration {

    @Bean
    public DefaultMongoTemplate axonMongoTemplate(MongoClient client,
                                                  @Value("${aura.axon-mongo.database:aura-axon}") String database) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, database).build();
    }

    @Bean
    public TokenStore tokenStore(DefaultMongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    @Bean
    public MongoSagaStore sagaStore(DefaultMongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    /** An account's events, at each authenticated request, from Axon Server (every node reads the same). */
    @Bean
    public AccountEvents accountEvents(EventStore eventStore) {
        return username -> eventStore.readEvents(username, 0);
    }

}
