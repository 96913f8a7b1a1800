package io.aura.cli;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** An RFC 9457 problem from the server, worded for a person at a terminal: what went wrong, and which field. */
final class Problems {
    /** Enough free slots to choose from; the JSON output has them all. */
    private static final int SUGGESTIONS_SHOWN = 5;

    private Problems() {}

    static String describe(int status, JsonNode problem, String text) {
        List<String> lines = new ArrayList<>();
        String title = problem == null ? "" : Cells.text(problem.path("title"));
        String detail = problem == null ? Cells.shortened(text == null ? "" : text.strip(), 300)
                : Cells.text(problem.path("detail"));
        String head = kind(status) + " (" + status + (title.isEmpty() ? "" : " " + title) + ")";
        lines.add(detail.isEmpty() ? head : head + ": " + detail);
        if (problem != null) {
            problem.path("errors").forEach(e -> lines.add("  " + Cells.text(e.path("field")) + ": "
                    + Cells.text(e.path("message"))));
            problem.path("violations").forEach(v -> lines.add("  " + Cells.text(v)));
            problem.path("conflicts").forEach(c -> lines.add("  in the way: " + Cells.text(c.path("source")) + " "
                    + Cells.text(c.path("start")) + " to " + Cells.text(c.path("end"))
                    + (c.path("bookingId").isString() ? " (booking " + c.path("bookingId").asString() + ")" : "")));
            int shown = 0;
            for (JsonNode s : problem.path("suggestions")) {
                if (shown++ == SUGGESTIONS_SHOWN) {
                    lines.add("  (more free slots with --output json)");
                    break;
                }
                lines.add("  free instead: " + Cells.text(s.path("start")) + " to " + Cells.text(s.path("end"))
                        + " on resource " + Cells.text(s.path("resourceId")));
            }
        }
        if (status == 401) {
            lines.add("  sign in with: aura cli login --username NAME");
        }
        return String.join(System.lineSeparator(), lines);
    }

    private static String kind(int status) {
        return switch (ExitCode.forStatus(status)) {
            case ExitCode.REFUSED -> "refused";
            case ExitCode.BAD_INPUT -> status == 404 ? "not found" : "bad input";
            case ExitCode.AUTHENTICATION -> status == 401 ? "not signed in" : "not allowed";
            default -> "server error";
        };
    }
}
