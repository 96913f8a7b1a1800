package io.aura.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The server's HTTP API as the command line calls it: JSON in and out, the bearer token when signed in. */
final class ServerApi {
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Longer than the server's own wait for a booking decision (20 s). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String server;
    private final String token;

    /** {@code token}: null for the one call without a token, signing in. */
    ServerApi(String server, String token) {
        this.server = server;
        this.token = token;
    }

    /** What the server answered; {@code body} is null unless it was JSON. */
    record Answer(int status, JsonNode body, String text, HttpResponse<String> raw) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Answer post(String path, Object body) {
        return post(path, body, Map.of());
    }

    Answer post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        return send(request);
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** The answer's JSON when it is a success; otherwise the server's problem, as a failure with its exit code. */
    JsonNode expectOk(Answer answer) {
        if (!answer.ok()) {
            throw new ServerProblem(answer);
        }
        return answer.body() == null ? JSON.createObjectNode() : answer.body();
    }

    /** One path segment (an id, a user name) as it must appear in a URL. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Query parameters in order, from name-value pairs; a null value is left out of the query. */
    static Map<String, Object> params(Object... namesAndValues) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    /** A query string from the parameters that are set, in their order: {@code ?a=1&b=2}, or empty. */
    static String query(Map<String, ?> parameters) {
        Map<String, Object> set = new LinkedHashMap<>();
        parameters.forEach((k, v) -> {
            if (v != null) {
                set.put(k, v);
            }
        });
        return set.isEmpty() ? "" : set.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    private URI uri(String path) {
        try {
            return URI.create(server + path);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.BAD_INPUT, "not a URL: " + server + path);
        }
    }

    private Answer send(HttpRequest.Builder request) {
        request.header("Accept", "application/json, application/problem+json").timeout(REQUEST_TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), json(response), response.body(), response);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new CliFailure(ExitCode.UNAVAILABLE, "cannot reach the Aura server at " + server
                    + " (is it running? choose another with --server or AURA_SERVER)");
        } catch (HttpTimeoutException e) {
            throw new CliFailure(ExitCode.UNAVAILABLE, "the Aura server at " + server + " did not answer in time");
        } catch (IOException e) {
            throw new CliFailure(ExitCode.UNAVAILABLE, "talking to the Aura server at " + server + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.UNAVAILABLE, "interrupted");
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        String text = response.body();
        if (text == null || text.isBlank() || !type.matches("(?i)application/([a-z0-9.+-]*\\+)?json(;.*)?")) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** A server's refusal or error: its problem document, worded for people, with the matching exit code. */
    static final class ServerProblem extends CliFailure {
        private final transient Answer answer;

        ServerProblem(Answer answer) {
            super(ExitCode.forStatus(answer.status()), Problems.describe(answer.status(), answer.body(), answer.text()));
            this.answer = answer;
        }

        Answer answer() {
            return answer;
        }
    }
}
