package io.aura.app.api.audit;

import io.aura.app.api.TimeInput;
import io.aura.kernel.audit.AuditAnchoring;
import io.aura.kernel.audit.AuditExport;
import io.aura.kernel.audit.AuditLog;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** The event store as the audit log (API.md "Audit"): read it, export it, verify its hash chain. */
@RestController
@Tag(name = "Audit")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
public class AuditController {
    private final ObjectProvider<AuditLog> audit;
    private final JsonMapper json;
    private final AuditAnchoring anchoring;

    public AuditController(ObjectProvider<AuditLog> audit, JsonMapper json, AuditAnchoring anchoring) {
        this.audit = audit;
        this.json = json;
        this.anchoring = anchoring;
    }

    @Operation(summary = "Domain events from the event store, oldest first; format=json (default), jsonl or csv; "
            + "page with afterIndex (the last globalIndex seen) and limit (default 500); a full page carries a "
            + "Link header with rel=\"next\". One aggregate's events on a store that does not give their "
            + "globalIndex (Axon Server) page by afterSequence")
    @GetMapping("/api/audit")
    public ResponseEntity<?> read(@RequestParam(required = false) String aggregateId,
                                  @RequestParam(required = false) String type,
                                  @RequestParam(required = false) String actor,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(defaultValue = "0") long afterIndex,
                                  @RequestParam(defaultValue = "-1") long afterSequence,
                                  @RequestParam(defaultValue = "500") int limit,
                                  @RequestParam(defaultValue = "json") String format) {
        List<FieldViolation> violations = new ArrayList<>();
        Instant start = from == null ? null : TimeInput.parse("from", from, violations);
        Instant end = to == null ? null : TimeInput.parse("to", to, violations);
        if (afterSequence < -1) {
            violations.add(new FieldViolation("afterSequence", "must be -1 (from the first event) or more"));
        }
        if (limit < 1 || limit > 10_000) {
            violations.add(new FieldViolation("limit", "must be between 1 and 10000"));
        }
        if (!List.of("json", "jsonl", "csv").contains(format)) {
            violations.add(new FieldViolation("format", "must be json, jsonl or csv"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        AuditLog log = audit.getIfAvailable();
        if (log == null) {
            return notAvailable();
        }
        AuditLog.Filter filter = new AuditLog.Filter(aggregateId, type, actor, start, end, afterIndex, afterSequence,
                limit);
        List<AuditLog.Entry> entries = log.read(filter);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (entries.size() == limit) {
            // a full page: there may be more; the next one starts after the last entry given (RFC 8288 link)
            AuditLog.Filter next = filter.after(entries.get(entries.size() - 1));
            var link = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("afterIndex", next.afterIndex());
            if (next.afterSequence() >= 0) {
                link.replaceQueryParam("afterSequence", next.afterSequence());
            }
            ok.header(HttpHeaders.LINK, "<" + link.build().toUriString() + ">; rel=\"next\"");
        }
        return switch (format) {
            case "jsonl" -> ok.contentType(MediaType.parseMediaType("application/jsonl"))
                    .body(AuditExport.jsonLines(entries, json::writeValueAsString));
            case "csv" -> ok.contentType(MediaType.parseMediaType("text/csv"))
                    .body(AuditExport.csv(entries, json::writeValueAsString));
            default -> ok.body(entries);
        };
    }

    @Operation(summary = "Walk the hash chain of every stored event (or one aggregate's) and report the first break")
    @GetMapping("/api/audit/verify")
    public ResponseEntity<?> verify(@RequestParam(required = false) String aggregateId) {
        AuditLog log = audit.getIfAvailable();
        return log == null ? notAvailable() : ResponseEntity.ok(log.verify(aggregateId));
    }

    public record AnchorBody(String anchor) {}

    /** A digest of the store and the signed anchor that carries it. */
    public record AnchorView(long headIndex, long events, String sha256, String anchor) {}

    @Operation(summary = "A signed anchor over everything stored so far (ES256, keep it outside the system); "
            + "POST it to /api/audit/anchor/verify later to learn whether anything up to it changed")
    @GetMapping("/api/audit/anchor")
    public AnchorView anchor() {
        AuditAnchoring.Anchor taken = anchoring.take();
        return new AnchorView(taken.digest().headIndex(), taken.digest().events(), taken.digest().sha256(),
                taken.signed());
    }

    @Operation(summary = "Whether the store up to an anchor's index is what it was when the anchor was issued: "
            + "{unchanged, anchored, now}")
    @PostMapping("/api/audit/anchor/verify")
    public AuditAnchoring.Check checkAnchor(@RequestBody(required = false) AnchorBody body) {
        try {
            return anchoring.check(body == null ? null : body.anchor());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldViolation("anchor",
                    "must be an audit anchor issued by this server (GET /api/audit/anchor)")));
        }
    }

    private static ResponseEntity<Map<String, Object>> notAvailable() {
        return ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Map.of("title", "Not available", "status", 501,
                        "detail", "This deployment has no audit log."));
    }
}
