package io.aura.graph;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server that answers like Microsoft Graph and the identity platform for what Aura
 * uses: the client-credentials token endpoint and {@code /users/{mailbox}/calendarView}, with
 * Graph's JSON shapes (local date-times with a time zone, {@code @odata.nextLink} paging, error
 * bodies), a bearer token required, and UTC honoured from the {@code Prefer} header.
 */
public final class FakeGraph implements AutoCloseable {
    public static final String TENANT = "contoso-tenant";
    public static final String CLIENT_ID = "aura-client";
    public static final String CLIENT_SECRET = "aura-client-secret";
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");

    public record Entry(Instant start, Instant end, String showAs, boolean cancelled) {}

    private final HttpServer server;
    private final Map<String, List<Entry>> calendars = new ConcurrentHashMap<>();
    private final List<String> issuedTokens = new CopyOnWriteArrayList<>();
    private final List<URI> calendarRequests = new CopyOnWriteArrayList<>();
    private final List<String> preferHeaders = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private volatile int pageSize = 2;
    private volatile boolean failing;

    public FakeGraph() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/" + TENANT + "/oauth2/v2.0/token", this::token);
        server.createContext("/v1.0/users/", this::calendarView);
        server.start();
    }

    public String graphBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0";
    }

    public URI tokenEndpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + TENANT + "/oauth2/v2.0/token");
    }

    public void calendar(String mailbox, Entry... entries) {
        calendars.put(mailbox.toLowerCase(), List.of(entries));
    }

    public void pageSize(int size) {
        pageSize = size;
    }

    /** From now on every calendar request fails as Graph does when overloaded (503). */
    public void failing(boolean fail) {
        failing = fail;
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public List<URI> calendarRequests() {
        return List.copyOf(calendarRequests);
    }

    public List<String> preferHeaders() {
        return List.copyOf(preferHeaders);
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"client_credentials".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))
                || !CLIENT_SECRET.equals(form.get("client_secret"))
                || !"https://graph.microsoft.com/.default".equals(form.get("scope"))) {
            send(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}");
            return;
        }
        String token = "fake-graph-token-" + issuedTokens.size();
        issuedTokens.add(token);
        send(exchange, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + token + "\"}");
    }

    private void calendarView(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        calendarRequests.add(uri);
        String prefer = exchange.getRequestHeaders().getFirst("Prefer");
        preferHeaders.add(prefer == null ? "" : prefer);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !issuedTokens.contains(auth.substring(7))) {
            send(exchange, 401, error("InvalidAuthenticationToken", "Access token is empty."));
            return;
        }
        if (failing) {
            send(exchange, 503, error("ServiceNotAvailable", "The service is temporarily unavailable."));
            return;
        }
        String path = uri.getRawPath();
        String rest = path.substring("/v1.0/users/".length());
        if (!rest.endsWith("/calendarView")) {
            send(exchange, 404, error("BadRequest", "Resource not found for the segment."));
            return;
        }
        String mailbox = URLDecoder.decode(rest.substring(0, rest.length() - "/calendarView".length()),
                StandardCharsets.UTF_8).toLowerCase();
        List<Entry> entries = calendars.get(mailbox);
        if (entries == null) {
            send(exchange, 404, error("ErrorItemNotFound", "The specified object was not found in the store."));
            return;
        }
        Map<String, String> query = parse(uri.getRawQuery());
        Instant from = Instant.parse(query.get("startDateTime"));
        Instant to = Instant.parse(query.get("endDateTime"));
        int skip = query.containsKey("$skiptoken") ? Integer.parseInt(query.get("$skiptoken")) : 0;
        boolean utc = prefer != null && prefer.contains("outlook.timezone=\"UTC\"");
        List<Entry> inWindow = new ArrayList<>();
        for (Entry e : entries) {
            if (e.start().isBefore(to) && e.end().isAfter(from)) {
                inWindow.add(e);
            }
        }
        StringBuilder body = new StringBuilder("{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users('")
                .append(mailbox).append("')/calendarView\",\"value\":[");
        int end = Math.min(inWindow.size(), skip + pageSize);
        for (int i = skip; i < end; i++) {
            Entry e = inWindow.get(i);
            if (i > skip) body.append(',');
            body.append("{\"@odata.etag\":\"W/\\\"").append(i).append("\\\"\",\"id\":\"AAMk").append(i)
                    .append("\",\"showAs\":\"").append(e.showAs()).append("\",\"isCancelled\":").append(e.cancelled())
                    .append(",\"start\":").append(time(e.start(), utc)).append(",\"end\":").append(time(e.end(), utc))
                    .append('}');
        }
        body.append(']');
        if (end < inWindow.size()) {
            String next = graphBaseUrl() + "/users/" + URLDecoder.decode(rest, StandardCharsets.UTF_8).replace("@", "%40")
                    + "?startDateTime=" + from + "&endDateTime=" + to + "&$skiptoken=" + end;
            body.append(",\"@odata.nextLink\":\"").append(next).append('"');
        }
        body.append('}');
        send(exchange, 200, body.toString());
    }

    /** Without the UTC preference Graph answers in the mailbox's zone; ours is Berlin, to make a mistake show. */
    private static String time(Instant instant, boolean utc) {
        if (utc) {
            return "{\"dateTime\":\"" + GRAPH_TIME.format(instant.atZone(ZoneOffset.UTC)) + "\",\"timeZone\":\"UTC\"}";
        }
        return "{\"dateTime\":\"" + GRAPH_TIME.format(instant.atZone(java.time.ZoneId.of("Europe/Berlin")))
                + "\",\"timeZone\":\"W. Europe Standard Time\"}";
    }

    private static String error(String code, String message) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"innerError\":{\"request-id\":\"1\"}}}";
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> out = new LinkedHashMap<>();
        if (form == null || form.isBlank()) {
            return out;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
