package io.aura.app.category;

import io.aura.gateway.ReadYourWrites;
import io.aura.kernel.category.Categories;
import io.aura.kernel.category.CategoryCommands.DefineCategory;
import io.aura.kernel.category.CategoryCommands.RemoveCategory;
import io.aura.kernel.category.CategoryQueries.CategoryView;
import io.aura.kernel.category.CategoryQueries.FindCategories;
import io.aura.kernel.category.CategoryQueries.FindCategory;
import io.aura.kernel.category.CategorySpec;
import io.aura.kernel.validation.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/**
 * The category list (ADR 0040) for the HTTP API and the web UI: checks a definition with the kernel's rules
 * before sending it (the {@code CategoryList} aggregate checks them again, and that a name is free), and answers
 * once the view shows the change.
 */
@Service
public class CategoryService implements Categories {
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    public CategoryService(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites,
                           Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @Override
    public CategoryView define(CategorySpec spec) {
        if (!spec.violations().isEmpty()) {
            throw new InvalidInputException(spec.violations());
        }
        String categoryId = UUID.randomUUID().toString();
        return readYourWrites.sendAndAwait(new DefineCategory(categoryId, spec), new FindCategory(categoryId),
                CategoryView.class, c -> true, VISIBLE_WITHIN)
                .orElse(new CategoryView(categoryId, spec.name(), spec.colour()));
    }

    @Override
    public List<CategoryView> all() {
        return queries.query(new FindCategories(), ResponseTypes.multipleInstancesOf(CategoryView.class)).join();
    }

    @Override
    public boolean remove(String categoryId) {
        if (categoryId == null || categoryId.length() > 100 || find(categoryId).isEmpty()) {
            return false;
        }
        commands.sendAndWait(new RemoveCategory(categoryId));
        // read your writes: the list an administrator sees next no longer holds it
        Instant until = clock.instant().plus(VISIBLE_WITHIN);
        while (find(categoryId).isPresent() && clock.instant().isBefore(until)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return true;
    }

    private Optional<CategoryView> find(String categoryId) {
        return queries.query(new FindCategory(categoryId), ResponseTypes.optionalInstanceOf(CategoryView.class))
                .join();
    }
}
