package io.aura.app.api.category;

import io.aura.app.api.NotFoundException;
import io.aura.kernel.category.Categories;
import io.aura.kernel.category.CategoryQueries.CategoryView;
import io.aura.kernel.category.CategorySpec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Booking categories (API.md v1.1 "Bookings", ADR 0040): administrators keep the list with a colour each;
 * everyone reads it to choose one for a booking. Removing one leaves the bookings that carry it as they are.
 */
@RestController
@Tag(name = "Categories")
public class CategoryController {
    private final Categories categories;

    public CategoryController(Categories categories) {
        this.categories = categories;
    }

    /** The request body: a name (unique, whatever its case) and a colour written {@code #RRGGBB}. */
    public record NewCategory(String name, String colour) {}

    /** A category as the API shows it. */
    public record CategoryBody(String categoryId, String name, String colour) {
        static CategoryBody of(CategoryView c) {
            return new CategoryBody(c.categoryId(), c.name(), c.colour());
        }
    }

    @Operation(summary = "Every booking category with its colour, by name")
    @GetMapping("/api/categories")
    @PreAuthorize("isAuthenticated()")
    public List<CategoryBody> list() {
        return categories.all().stream().map(CategoryBody::of).toList();
    }

    @Operation(summary = "Define a booking category (ADMIN): {name, colour: \"#RRGGBB\"}; 400 naming the field "
            + "when the name is taken (whatever its case) or the colour is not #RRGGBB")
    @PostMapping("/api/categories")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<CategoryBody> define(@RequestBody NewCategory body) {
        CategoryBody created = CategoryBody.of(categories.define(new CategorySpec(body.name(), body.colour())));
        return ResponseEntity.created(URI.create("/api/categories/" + created.categoryId())).body(created);
    }

    @Operation(summary = "Remove a booking category (ADMIN); bookings that carry it keep it; 404 if it is unknown "
            + "or removed already")
    @DeleteMapping("/api/categories/{categoryId}")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Void> remove(@PathVariable String categoryId) {
        if (!categories.remove(categoryId)) {
            throw new NotFoundException("No category " + categoryId);
        }
        return ResponseEntity.noContent().build();
    }
}
