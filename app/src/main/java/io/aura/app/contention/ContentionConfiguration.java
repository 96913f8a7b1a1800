package io.aura.app.contention;

import io.aura.kernel.booking.ContentionModel;
import io.aura.ml.NeuralContentionModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The learned contention model behind the kernel's interface (ADR 0017). */
@Configuration(proxyBeanMethods = false)
public class ContentionConfiguration {

    @Bean
    public ContentionModel contentionModel() {
        return new NeuralContentionModel();
    }
}
