package io.aura.app;

import com.vaadin.flow.spring.annotation.EnableVaadin;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication(scanBasePackages = "io.aura")
@EnableScheduling
// Vaadin looks for routes and the app shell in the application's own package unless told: the views live in io.aura.ui.
@EnableVaadin("io.aura.ui")
public class AuraApplication {

    public static void main(String[] args) {
        // Nothing may phone home: Axon's update checker is off unless someone turns it on on purpose.
        System.setProperty("axoniq.update-checker.disabled",
                System.getProperty("axoniq.update-checker.disabled", "true"));
        SpringApplication.run(AuraApplication.class, args);
    }
}
