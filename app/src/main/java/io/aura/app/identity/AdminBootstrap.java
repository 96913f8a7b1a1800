package io.aura.app.identity;

import io.aura.app.security.CredentialStore;
import io.aura.kernel.identity.Role;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the first start with an empty store, creates {@code admin} with the password in
 * {@code AURA_ADMIN_PASSWORD}, or generates one and logs it this once.
 */
@Component
public class AdminBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    public static final String ADMIN = "admin";

    private final CredentialStore credentials;
    private final UserService users;
    private final String configuredPassword;

    public AdminBootstrap(CredentialStore credentials, UserService users,
                          @Value("${aura.admin-password:}") String configuredPassword) {
        this.credentials = credentials;
        this.users = users;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (credentials.exists(ADMIN)) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generatePassword() : configuredPassword;
        try {
            users.register(new UserService.NewUser(ADMIN, password, List.of(Role.ADMIN.name()), "Administrator", null));
        } catch (io.aura.kernel.validation.InvalidInputException weak) {
            // a weak first password is not let in quietly: the server stops and says what is wrong
            throw new IllegalStateException("AURA_ADMIN_PASSWORD is not accepted for the first administrator: "
                    + weak.violations().stream().map(v -> v.message()).toList()
                    + "; choose another, or leave it unset to have one generated", weak);
        }
        if (generated) {
            log.warn("Created user 'admin' with the generated password {} (shown once; set AURA_ADMIN_PASSWORD "
                    + "to choose it)", password);
        } else {
            log.info("Created user 'admin' with the password from AURA_ADMIN_PASSWORD");
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
