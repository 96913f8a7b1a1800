package io.aura.app.api.contention;

import io.aura.app.contention.ContentionTraining;
import io.aura.kernel.booking.ContentionModel;
import io.aura.kernel.booking.ContentionModel.Training;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The contention model's training as an administrator sees and starts it (ADR 0017). */
@RestController
@Tag(name = "Bookings")
@PreAuthorize("hasRole('ADMIN')")
public class ContentionModelController {
    private final ContentionTraining training;
    private final ContentionModel model;

    public ContentionModelController(ContentionTraining training, ContentionModel model) {
        this.training = training;
        this.model = model;
    }

    @Operation(summary = "The contention model's last training: rows, held-back accuracy against always guessing (ADMIN)")
    @GetMapping("/api/admin/contention-model")
    public Training status() {
        return model.lastTraining().orElse(new Training(false, "not trained yet", 0, 0, 0, 0, 0));
    }

    @Operation(summary = "Train the contention model now from the heatmap's last weeks (ADMIN); answers the outcome")
    @PostMapping("/api/admin/contention-model/train")
    public Training trainNow() {
        return training.train();
    }

    @Operation(summary = "Stop using the trained contention model until the next training (ADMIN)")
    @DeleteMapping("/api/admin/contention-model")
    public ResponseEntity<Void> forget() {
        model.forget();
        return ResponseEntity.noContent().build();
    }
}
