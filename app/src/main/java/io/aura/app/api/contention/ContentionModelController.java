package io.aura.app.api.contention;

import io.aura.app.api.NotPossibleNowException;
import io.aura.app.contention.ContentionTraining;
import io.aura.app.contention.SharedContentionModel;
import io.aura.app.contention.SharedContentionModel.StoredModel;
import io.aura.kernel.booking.ContentionEvaluation.Evaluation;
import io.aura.kernel.booking.ContentionEvaluation.Verdict;
import io.aura.kernel.booking.ContentionModel.Training;
import io.aura.kernel.booking.GatedContentionModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The contention model's training and hold-out evaluation as an administrator sees and starts them (ADR 0017, 0050). */
@RestController
@Tag(name = "Bookings")
@PreAuthorize("hasRole('ADMIN')")
public class ContentionModelController {
    private final ContentionTraining training;
    private final GatedContentionModel model;

    public ContentionModelController(ContentionTraining training, GatedContentionModel model) {
        this.training = training;
        this.model = model;
    }

    /**
     * The last training (as before), whether the model is in use and why, and the hold-out's figures; then the shared
     * version this node uses, when and by which node it was trained (ADR 0055).
     */
    @Schema(description = "The contention model: its last training, whether suggestions use it and why, and the "
            + "time-split hold-out it was judged on (null before the first training); the version every node shares, "
            + "when and by which node (aura.node-id, else pid@host) it was trained or forgotten (null before the first)")
    public record ModelStatus(boolean trained, String reason, int rows, int mostlyBooked, double validationAccuracy,
                              double alwaysGuessingAccuracy, double seconds, boolean inUse, String inUseReason,
                              EvaluationFigures evaluation, Long version, Instant trainedAt, String trainedBy) {}

    /**
     * The hold-out: trained on the weeks before {@code holdOutFrom}, tested from it to {@code holdOutTo}
     * (exclusive; local days of the resources). A figure is null where it is undefined: no model trained,
     * test hours all of one kind, no choices recorded.
     */
    @Schema(description = "Time-split hold-out: log-loss and AUC of the model's P(hour mostly booked) and of the "
            + "frequency baseline; top-3 hit rate of the ranking and of the earliest-free heuristic")
    public record EvaluationFigures(LocalDate holdOutFrom, LocalDate holdOutTo, Double logLoss, Double auc,
                                    Double baselineLogLoss, Double baselineAuc, Double top3HitRate,
                                    Double heuristicTop3HitRate, int trainingHours, int testHours, int choices) {
        static EvaluationFigures of(Evaluation e) {
            return new EvaluationFigures(e.holdOutFrom(), e.holdOutTo(), e.logLoss(), e.auc(), e.baselineLogLoss(),
                    e.baselineAuc(), e.top3HitRate(), e.heuristicTop3HitRate(), e.trainingHours(), e.testHours(),
                    e.choices());
        }
    }

    @Operation(summary = "The contention model's last training, its hold-out evaluation against a frequency baseline "
            + "and an earliest-free heuristic, and whether it is in use (ADMIN)")
    @GetMapping("/api/admin/contention-model")
    public ModelStatus status() {
        return status(model.lastTraining().orElse(new Training(false, "not trained yet", 0, 0, 0, 0, 0)));
    }

    @Operation(summary = "Train the contention model now from the heatmap's last weeks and judge it on a hold-out "
            + "(ADMIN); answers the outcome, or 409 naming the node that still trains after a few seconds")
    @PostMapping("/api/admin/contention-model/train")
    public ModelStatus trainNow() {
        try {
            return status(training.train());
        } catch (SharedContentionModel.Busy busy) {
            throw new NotPossibleNowException(busy.getMessage());
        }
    }

    @Operation(summary = "Stop using the trained contention model until the next training, on every node (ADMIN); "
            + "409 naming the node that still trains after a few seconds")
    @DeleteMapping("/api/admin/contention-model")
    public ResponseEntity<Void> forget() {
        try {
            training.forget();
        } catch (SharedContentionModel.Busy busy) {
            throw new NotPossibleNowException(busy.getMessage());
        }
        return ResponseEntity.noContent().build();
    }

    private ModelStatus status(Training t) {
        Verdict verdict = model.verdict();
        StoredModel version = training.inUse().orElse(null);
        return new ModelStatus(t.trained(), t.reason(), t.rows(), t.mostlyBooked(), t.validationAccuracy(),
                t.alwaysGuessingAccuracy(), t.seconds(), verdict.useModel(), verdict.reason(),
                model.evaluation().map(EvaluationFigures::of).orElse(null),
                version == null ? null : version.version(), version == null ? null : version.trainedAt(),
                version == null ? null : version.trainedBy());
    }
}
