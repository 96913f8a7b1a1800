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
 * uses: the client-credentials token endpoint, {@code /users/{mailbox}/calendarView}, and creating,
 * moving and deleting {@code /users/{mailbox}/events} (a second create with a transaction id already
 * used answers the event it made, as Graph does), with Graph's JSON shapes (local date-times with a
 * time zone, {@code @odata.nextLink} paging, error bodies), a bearer token required, and UTC honoured
 * from the {@code Prefer} header. Writes can be made to fail as Graph does: a scripted 429 with
 * {@code Retry-After}, a 500, or an answer that comes too late (the write done, its answer lost).
 */
public final class FakeGraph implements AutoCloseable {
    public static final String TENANT = "contoso-tenant";
    public static final String CLIENT_ID = "aura-client";
    public static final String CLIENT_SECRET = "aura-client-secret";
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");

    public record Entry(Instant start, Instant end, String showAs, boolean cancelled) {}

    /** An event written through the API, as the mailbox's calendar keeps it now. */
    public record Written(String id, String transactionId, String subject, Instant start, Instant end) {}

    /** One write request as it arrived ({@code POST}, {@code PATCH}, {@code DELETE}), and what it was answered. */
    public record Write(String method, String mailbox, String eventId, String transactionId, int status, Instant at) {}

    /** How the next write request fails: a status (with a Retry-After, seconds, for 429) or a late answer. */
    public record Fault(int status, Integer retryAfterSeconds, java.time.Duration late) {
        public static Fault throttled(int retryAfterSeconds) {
            return new Fault(429, retryAfterSeconds, null);
        }

        public static Fault status(int status) {
            return new Fault(status, null, null);
        }

        /** The write is done, but its answer comes after {@code late}: a client with a shorter timeout never hears it. */
        public static Fault answerLate(java.time.Duration late) {
            return new Fault(0, null, late);
        }
    }

    private final HttpServer server;
    private final Map<String, List<Entry>> calendars = new ConcurrentHashMap<>();
    private final List<String> issuedTokens = new CopyOnWriteArrayList<>();
    private final List<URI> calendarRequests = new CopyOnWriteArrayList<>();
    private final List<String> preferHeaders = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final Map<String, Map<String, Written>> written = new ConcurrentHashMap<>();
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final Map<String, java.util.Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final AtomicInteger eventIds = new AtomicInteger();
    private volatile int pageSize = 2;
    private volatile boolean failing;

    public FakeGraph() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/" + TENANT + "/oauth2/v2.0/token", this::token);
        server.createContext("/v1.0/users/", this::users);
        // a late answer must not hold up the others
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-graph");
            t.setDaemon(true);
            return t;
        }));
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

    /** The next write requests to {@code mailbox} fail so, one fault each, in order. */
    public void failNextWrites(String mailbox, Fault... next) {
        faults.computeIfAbsent(mailbox.toLowerCase(), m -> new java.util.concurrent.ConcurrentLinkedDeque<>())
                .addAll(List.of(next));
    }

    /** The events written into a mailbox's calendar, as they are now. */
    public List<Written> events(String mailbox) {
        return List.copyOf(written.getOrDefault(mailbox.toLowerCase(), Map.of()).values());
    }

    /** Every write request to a mailbox, in the order they arrived. */
    public List<Write> writes(String mailbox) {
        return writes.stream().filter(w -> w.mailbox().equals(mailbox.toLowerCase())).toList();
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

    private void users(HttpExchange exchange) throws IOException {
        String rest = exchange.getRequestURI().getRawPath().substring("/v1.0/users/".length());
        if (rest.contains("/events")) {
            events(exchange, rest);
        } else {
            calendarView(exchange);
        }
    }

    private boolean authorised(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !issuedTokens.contains(auth.substring(7))) {
            send(exchange, 401, error("InvalidAuthenticationToken", "Access token is empty."));
            return false;
        }
        return true;
    }

    /** {@code POST users/{mailbox}/events}, {@code PATCH} and {@code DELETE users/{mailbox}/events/{id}}. */
    private void events(HttpExchange exchange, String rest) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        int slash = rest.indexOf("/events");
        String mailbox = URLDecoder.decode(rest.substring(0, slash), StandardCharsets.UTF_8).toLowerCase();
        String tail = rest.substring(slash + "/events".length());
        String id = tail.startsWith("/") ? URLDecoder.decode(tail.substring(1), StandardCharsets.UTF_8) : null;
        String method = exchange.getRequestMethod();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        java.util.Deque<Fault> scripted = faults.get(mailbox);
        Fault fault = scripted == null ? null : scripted.poll();
        if (fault != null && fault.late() == null) {
            writes.add(new Write(method, mailbox, id, null, fault.status(), Instant.now()));
            if (fault.retryAfterSeconds() != null) {
                exchange.getResponseHeaders().add("Retry-After", String.valueOf(fault.retryAfterSeconds()));
            }
            send(exchange, fault.status(), fault.status() == 429
                    ? error("TooManyRequests", "Application is over its MailboxConcurrency limit.")
                    : error("generalException", "An internal server error occurred."));
            return;
        }
        Map<String, Written> calendar = written.computeIfAbsent(mailbox, m -> new java.util.concurrent.ConcurrentSkipListMap<>());
        int status;
        String answer;
        String transactionId = null;
        synchronized (calendar) {
            if (method.equals("POST") && id == null) {
                com.google.gson.JsonObject event = com.google.gson.JsonParser.parseString(body).getAsJsonObject();
                transactionId = event.has("transactionId") ? event.get("transactionId").getAsString() : null;
                String tx = transactionId;
                Written same = tx == null ? null
                        : calendar.values().stream().filter(w -> tx.equals(w.transactionId())).findFirst().orElse(null);
                Written made = same != null ? same : new Written("AAMk-" + eventIds.incrementAndGet(), transactionId,
                        event.has("subject") ? event.get("subject").getAsString() : null, instant(event.getAsJsonObject("start")),
                        instant(event.getAsJsonObject("end")));
                calendar.put(made.id(), made);
                status = 201;
                answer = json(made);
            } else if (method.equals("PATCH") && id != null) {
                Written was = calendar.get(id);
                if (was == null) {
                    status = 404;
                    answer = error("ErrorItemNotFound", "The specified object was not found in the store.");
                } else {
                    com.google.gson.JsonObject change = com.google.gson.JsonParser.parseString(body).getAsJsonObject();
                    Written now = new Written(was.id(), was.transactionId(), was.subject(),
                            change.has("start") ? instant(change.getAsJsonObject("start")) : was.start(),
                            change.has("end") ? instant(change.getAsJsonObject("end")) : was.end());
                    calendar.put(id, now);
                    status = 200;
                    answer = json(now);
                }
            } else if (method.equals("DELETE") && id != null) {
                status = calendar.remove(id) == null ? 404 : 204;
                answer = status == 404 ? error("ErrorItemNotFound", "The specified object was not found in the store.") : null;
            } else {
                status = 405;
                answer = error("BadRequest", "Unsupported request.");
            }
        }
        writes.add(new Write(method, mailbox, id, transactionId, status, Instant.now()));
        if (fault != null) { // done, but the answer comes too late for the client
            try {
                Thread.sleep(fault.late().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (answer == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        } else {
            send(exchange, status, answer);
        }
    }

    private static Instant instant(com.google.gson.JsonObject time) {
        java.time.LocalDateTime local = java.time.LocalDateTime.parse(time.get("dateTime").getAsString());
        String zone = time.get("timeZone").getAsString();
        if (!zone.equals("UTC")) {
            throw new IllegalArgumentException("FakeGraph takes UTC only, not " + zone);
        }
        return local.toInstant(ZoneOffset.UTC);
    }

    private static String json(Written w) {
        return "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#events/$entity\",\"id\":\"" + w.id()
                + "\"," + (w.transactionId() == null ? "" : "\"transactionId\":\"" + w.transactionId() + "\",")
                + "\"subject\":" + new com.google.gson.Gson().toJson(w.subject())
                + ",\"showAs\":\"busy\",\"isCancelled\":false,\"start\":" + time(w.start(), true) + ",\"end\":"
                + time(w.end(), true) + "}";
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
        Map<String, Written> ours = written.getOrDefault(mailbox, Map.of());
        if (entries == null && ours.isEmpty()) {
            send(exchange, 404, error("ErrorItemNotFound", "The specified object was not found in the store."));
            return;
        }
        Map<String, String> query = parse(uri.getRawQuery());
        Instant from = Instant.parse(query.get("startDateTime"));
        Instant to = Instant.parse(query.get("endDateTime"));
        int skip = query.containsKey("$skiptoken") ? Integer.parseInt(query.get("$skiptoken")) : 0;
        boolean utc = prefer != null && prefer.contains("outlook.timezone=\"UTC\"");
        List<Object> inWindow = new ArrayList<>();
        for (Entry e : entries == null ? List.<Entry>of() : entries) {
            if (e.start().isBefore(to) && e.end().isAfter(from)) {
                inWindow.add(e);
            }
        }
        for (Written w : ours.values()) { // the events written through the API are in the calendar too
            if (w.start().isBefore(to) && w.end().isAfter(from)) {
                inWindow.add(w);
            }
        }
        StringBuilder body = new StringBuilder("{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users('")
                .append(mailbox).append("')/calendarView\",\"value\":[");
        int end = Math.min(inWindow.size(), skip + pageSize);
        for (int i = skip; i < end; i++) {
            if (i > skip) body.append(',');
            if (inWindow.get(i) instanceof Written w) {
                body.append("{\"id\":\"").append(w.id()).append("\",\"showAs\":\"busy\",\"isCancelled\":false")
                        .append(w.transactionId() == null ? "" : ",\"transactionId\":\"" + w.transactionId() + "\"")
                        .append(",\"start\":").append(time(w.start(), utc)).append(",\"end\":").append(time(w.end(), utc))
                        .append('}');
                continue;
            }
            Entry e = (Entry) inWindow.get(i);
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
