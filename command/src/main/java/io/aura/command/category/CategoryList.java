package io.aura.command.category;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aura.kernel.category.CategoryCommands;
import io.aura.kernel.category.CategoryCommands.DefineCategory;
import io.aura.kernel.category.CategoryCommands.RemoveCategory;
import io.aura.kernel.category.CategoryEvents.CategoryDefined;
import io.aura.kernel.category.CategoryEvents.CategoryRemoved;
import io.aura.kernel.category.CategorySpec;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The administrators' list of booking categories (ADR 0040): one aggregate for the whole list, so that a name
 * (compared without regard to case) is held by one category at a time however many define it at once. A handful
 * of categories, rarely changed: one stream is no bottleneck.
 */
public class CategoryList {

    @AggregateIdentifier
    private String listId;
    /** the categories on the list now, by id, with their names */
    private final Map<String, String> names = new LinkedHashMap<>();

    protected CategoryList() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DefineCategory c) {
        List<FieldViolation> violations = new ArrayList<>(c.spec() == null
                ? List.of(FieldViolation.of("name", Rule.REQUIRED)) : c.spec().violations());
        CategorySpec spec = c.spec();
        if (violations.isEmpty() && names.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(c.categoryId()) && CategorySpec.sameName(e.getValue(), spec.name()))) {
            violations.add(FieldViolation.of("name", Rule.CATEGORY_NAME_TAKEN));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (!names.containsKey(c.categoryId())) { // a retried definition records nothing
            apply(new CategoryDefined(CategoryCommands.LIST_ID, c.categoryId(), spec.name(), spec.colour()));
        }
    }

    @CommandHandler
    void handle(RemoveCategory c) {
        String name = names.get(c.categoryId());
        if (name != null) { // removed already, or never defined: nothing to record
            apply(new CategoryRemoved(listId, c.categoryId(), name));
        }
    }

    @EventSourcingHandler
    void on(CategoryDefined e) {
        listId = e.listId();
        names.put(e.categoryId(), e.name());
    }

    @EventSourcingHandler
    void on(CategoryRemoved e) {
        names.remove(e.categoryId());
    }
}
