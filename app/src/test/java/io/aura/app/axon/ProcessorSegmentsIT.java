package io.aura.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.springboot.EventProcessorProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Segments per profile (ADR 0052): the embedded default runs every tracking processor in one segment (one SQLite
 * writer) and the booking saga in the request's thread (ADR 0057); the profiles of several nodes include `nodes`, whose settings split the sagas in two. The
 * settings name processors by name, so the names are checked against the processors the application has.
 */
class ProcessorSegmentsIT extends IntegrationTest {
    private static final List<String> SAGAS = List.of("BookingSagaProcessor", "WaitlistSagaProcessor");

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TokenStore tokenStore;

    @Test
    void on_the_embedded_default_the_booking_saga_decides_in_the_requests_thread_and_the_waitlist_saga_runs_in_one_segment() {
        assertThat(processing.eventProcessor("BookingSagaProcessor", SubscribingEventProcessor.class)).isPresent();
        assertThat(tokenStore.fetchSegments("BookingSagaProcessor")).isEmpty();
        assertThat(processing.eventProcessor("WaitlistSagaProcessor", TrackingEventProcessor.class)).isPresent();
        assertThat(tokenStore.fetchSegments("WaitlistSagaProcessor")).containsExactly(0);
    }

    @Test
    void the_profiles_of_several_nodes_split_each_saga_processor_into_two_segments_with_a_thread_each() throws Exception {
        Properties defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        assertThat(defaults).containsEntry("spring.profiles.group.postgres", "nodes")
                .containsEntry("spring.profiles.group.production", "nodes");

        EventProcessorProperties nodes = bind("application-nodes.properties");
        for (String saga : SAGAS) {
            EventProcessorProperties.ProcessorSettings settings = nodes.getProcessors().get(saga);
            assertThat(settings).as(saga).isNotNull();
            assertThat(settings.getMode()).isEqualTo(EventProcessorProperties.Mode.TRACKING);
            assertThat(settings.getInitialSegmentCount()).isEqualTo(2);
            assertThat(settings.getThreadCount()).isEqualTo(2);
        }
        assertThat(bind("application.properties").getProcessors().get("BookingSagaProcessor").getMode())
                .isEqualTo(EventProcessorProperties.Mode.SUBSCRIBING);
        assertThat(bind("application.properties").getProcessors().get("WaitlistSagaProcessor")).isNull();
    }

    private static EventProcessorProperties bind(String file) throws Exception {
        Properties properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource(file));
        return new Binder(new MapConfigurationPropertySource(Map.copyOf(properties)))
                .bind("axon.eventhandling", EventProcessorProperties.class).orElseGet(EventProcessorProperties::new);
    }
}
