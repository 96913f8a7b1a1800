package io.aura.ui;

import io.aura.gateway.ReadYourWrites;
import io.aura.kernel.identity.PreferredLanguage;
import io.aura.kernel.identity.UserCommands.ChoosePreferredLanguage;
import io.aura.kernel.identity.UserQueries.FindUser;
import io.aura.kernel.identity.UserQueries.UserView;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/**
 * The signed-in person's UI language, kept with their account (the same command and view as
 * {@code PUT /api/users/me/language}). Always for the person signed in ({@link SignedIn}), never for a
 * name a view hands over.
 */
@Service
public class LanguageDesk {
    private static final Duration READ_SIDE_TIMEOUT = Duration.ofSeconds(10);

    private final ReadYourWrites readYourWrites;
    private final QueryGateway queries;

    public LanguageDesk(ReadYourWrites readYourWrites, QueryGateway queries) {
        this.readYourWrites = readYourWrites;
        this.queries = queries;
    }

    /** The language the signed-in person chose, if any. */
    public Optional<PreferredLanguage> chosen() {
        return queries.query(new FindUser(SignedIn.name()), ResponseTypes.optionalInstanceOf(UserView.class)).join()
                .flatMap(view -> PreferredLanguage.ofTag(view.language()));
    }

    /** Keeps {@code language} as the signed-in person's; answers once their view shows it (a new page reads it). */
    public void choose(PreferredLanguage language) {
        String me = SignedIn.name();
        readYourWrites.sendAndAwait(new ChoosePreferredLanguage(me, language.tag()), new FindUser(me), UserView.class,
                view -> language.tag().equals(view.language()), READ_SIDE_TIMEOUT);
    }
}
