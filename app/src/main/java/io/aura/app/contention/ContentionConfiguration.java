package io.aura.app.contention;

import io.aura.kernel.booking.GatedContentionModel;
import io.aura.ml.NeuralContentionModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The learned contention model behind the kernel's interface (ADR 0017), answering only while the
 * time-split hold-out says it beats both the frequency baseline and the earliest-free heuristic
 * (ADR 0050); the network keeps what it trains, the hold-out judges it.
 */
@Configuration(proxyBeanMethods = false)
public class ContentionConfiguration {

    @Bean
    public GatedContentionModel contentionModel() {
        return new GatedContentionModel(NeuralContentionModel.judgedByHoldOut());
    }
}
