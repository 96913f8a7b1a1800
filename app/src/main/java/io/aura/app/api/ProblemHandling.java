package io.aura.app.api;

import io.aura.command.approval.ApprovalStateException;
import io.aura.command.approval.NotAnApproverException;
import io.aura.command.booking.BookingStateException;
import io.aura.command.booking.NotOwnerException;
import io.aura.command.identity.ErasedAccountException;
import io.aura.command.identity.SelfLockoutException;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error leaves as an RFC 9457 problem. A caller's mistake is a 4xx naming the field; only
 * our own failures are a 5xx, and those never echo internals back.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    public static ProblemDetail invalid(List<FieldViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                new InvalidInputException(violations).getMessage());
        problem.setTitle("Invalid input");
        problem.setProperty("errors", violations.stream()
                .map(ProblemHandling::error)
                .toList());
        return problem;
    }

    /** {field, message} and, for a named rule, {rule, arguments}: what a client needs to word it itself. */
    private static Map<String, Object> error(FieldViolation v) {
        Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("field", v.field());
        error.put("message", v.message());
        if (v.rule() != null) {
            error.put("rule", v.rule().name());
            error.put("arguments", v.arguments());
        }
        return error;
    }

    public static ProblemDetail notFoundProblem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Not found");
        return problem;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        // an exception's message may quote what the caller sent: never send a megabyte back
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail != null && detail.length() > 500
                ? detail.substring(0, 500) + "…" : detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        return ResponseEntity.badRequest().body(invalid(e.violations()));
    }

    @ExceptionHandler({AggregateStreamCreationException.class, ConcurrencyException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "It exists already or was changed at the same time; read it again and retry.");
        problem.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** The caller may not see or change this booking, or decide this approval. */
    @ExceptionHandler({NotOwnerException.class, NotAnApproverException.class, NotAllowedException.class})
    ResponseEntity<ProblemDetail> notAllowed(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    /** The booking or approval is not in a state that allows this; an administrator would lock themselves out. */
    @ExceptionHandler({BookingStateException.class, ApprovalStateException.class, NotPossibleNowException.class,
            SelfLockoutException.class, ErasedAccountException.class})
    ResponseEntity<ProblemDetail> wrongState(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "Not possible now", e.getMessage());
    }

    /** Tomcat could not decode a query parameter (a malformed percent escape): the caller's mistake, named. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodable(InvalidParameterException e) {
        Matcher named = PARAMETER.matcher(String.valueOf(e.getMessage()));
        String field = named.find() ? named.group(1) : "query";
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldViolation(field,
                "is not valid percent-encoded UTF-8"))));
    }

    private static final Pattern PARAMETER = Pattern.compile("Parameter \\[([A-Za-z0-9_.-]{1,64})\\]");

    @ExceptionHandler(RequestMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(RequestMismatchException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", e.getMessage());
    }

    /**
     * An id that names another kind of thing (a resource's id where a webhook's is expected): its events
     * are not this aggregate's, so, for what the caller asked for, it does not exist.
     */
    @ExceptionHandler({AggregateNotFoundException.class, IncompatibleAggregateException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "It does not exist.");
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        // Through Axon Server the handler's exception arrives wrapped; unwrap what we know.
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException invalid) {
                return invalidInput(invalid);
            }
            if (t instanceof ConcurrencyException c) {
                return conflict(c);
            }
            if (t instanceof NotOwnerException || t instanceof NotAnApproverException) {
                return notAllowed((RuntimeException) t);
            }
            if (t instanceof BookingStateException || t instanceof ApprovalStateException
                    || t instanceof SelfLockoutException || t instanceof ErasedAccountException) {
                return wrongState((RuntimeException) t);
            }
            if (t instanceof AggregateNotFoundException || t instanceof IncompatibleAggregateException) {
                return notFound((RuntimeException) t);
            }
        }
        return internal(e);
    }

    /** Spring Security's firewall refused a header or path the handler read (a control or non-ASCII character). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request",
                "The request could not be read as sent (its path, query string or headers).");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldViolation(e.getName(), "has the wrong format"))));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> forbidden(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your roles do not allow this.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> internal(Exception e) {
        log.error("Unhandled failure", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The server failed to handle this request; it has been logged.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    /** A required query parameter is absent: a 400 naming it, like any other invalid field. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldViolation(ex.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String field = null;
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference ref : jackson.getPath()) {
                    if (ref.getPropertyName() != null) {
                        if (!path.isEmpty()) path.append('.');
                        path.append(ref.getPropertyName());
                    } else if (ref.getIndex() >= 0) {
                        path.append('[').append(ref.getIndex()).append(']');
                    }
                }
                field = path.toString();
                break;
            }
        }
        ProblemDetail problem = field == null || field.isEmpty()
                ? invalid(List.of(new FieldViolation("body", "is not valid JSON for this endpoint")))
                : invalid(List.of(new FieldViolation(field, "is unknown or has the wrong type")));
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.badRequest().body(problem);
    }
}
