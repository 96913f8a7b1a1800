package io.aura.app.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.Http;
import io.aura.app.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Editing and retiring resources over the API (v1.1), and the rules that span resources: unique names. */
class ResourceAdministrationIT extends IntegrationTest {

    Map<String, Object> body(String name, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "capacity", 10, "timeZone", "Europe/Berlin"));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    String create(String name, Object... more) {
        var created = http.post("/api/resources", adminToken, body(name, more));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    static List<String> fields(Http.Response refused) {
        List<String> fields = new ArrayList<>();
        refused.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    List<String> listedIds(String query) {
        return StreamSupport.stream(http.get("/api/resources" + query, adminToken).body().spliterator(), false)
                .map(r -> r.get("id").asString()).toList();
    }

    @Test
    void put_edits_a_resource_as_resource_changed_and_answers_it() {
        String name = unique("Studio");
        String id = create(name);

        var edited = http.put("/api/resources/" + id, adminToken, body(name + " B", "capacity", 24, "timeZone",
                "America/Chicago", "bufferMinutes", 10));

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().get("id").asString()).isEqualTo(id);
        assertThat(edited.body().get("name").asString()).isEqualTo(name + " B");
        assertThat(edited.body().get("capacity").asInt()).isEqualTo(24);
        assertThat(edited.body().get("retired").asBoolean()).isFalse();
        JsonNode read = http.get("/api/resources/" + id, adminToken).body();
        assertThat(read.get("timeZone").asString()).isEqualTo("America/Chicago");
        assertThat(read.get("bufferMinutes").asInt()).isEqualTo(10);
        assertThat(http.get("/api/audit?aggregateId=" + id, adminToken).raw().body())
                .contains("ResourceRegistered", "ResourceChanged");
        // the old name is free again, the new one is taken
        assertThat(http.post("/api/resources", adminToken, body(name)).status()).isEqualTo(201);
        assertThat(fields(http.post("/api/resources", adminToken, body(name + " b")))).contains("name");
    }

    @Test
    void put_is_404_for_an_unknown_resource_400_naming_the_field_and_403_for_a_non_admin_recording_nothing() {
        String id = create(unique("Nook"));
        String requester = userWithRoles(unique("putreq"), "REQUESTER");
        long before = storedEvents();

        var unknown = http.put("/api/resources/no-such-resource", adminToken, body(unique("Nowhere")));
        var noCapacity = http.put("/api/resources/" + id, adminToken, body(unique("Nook"), "capacity", 0));
        var missing = http.put("/api/resources/" + id, adminToken, Map.of("name", unique("Nook")));
        var notAdmin = http.put("/api/resources/" + id, requester, body(unique("Nook")));
        var retireNotAdmin = http.post("/api/resources/" + id + "/retire", requester, Map.of());
        var retireUnknown = http.post("/api/resources/no-such-resource/retire", adminToken, Map.of());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(noCapacity.status()).isEqualTo(400);
        assertThat(fields(noCapacity)).containsExactly("capacity");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing)).contains("capacity", "timeZone");
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(retireNotAdmin.status()).isEqualTo(403);
        assertThat(retireUnknown.status()).isEqualTo(404);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_retired_resource_takes_no_new_booking_keeps_its_bookings_and_leaves_the_list() {
        String id = create(unique("Old wing"));
        String requester = userWithRoles(unique("retreq"), "REQUESTER");
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        var kept = http.post("/events/create", requester, Map.of("title", "Before", "resourceId", id, "start",
                start.toString(), "end", start.plus(1, ChronoUnit.HOURS).toString()));
        assertThat(kept.status()).isEqualTo(201);

        var retired = http.post("/api/resources/" + id + "/retire", adminToken, Map.of());

        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.body().get("retired").asBoolean()).isTrue();
        assertThat(listedIds("")).doesNotContain(id);
        assertThat(listedIds("?includeRetired=true")).contains(id);
        assertThat(http.get("/api/resources/" + id, requester).body().get("retired").asBoolean()).isTrue();
        var refused = http.post("/events/create", requester, Map.of("title", "After", "resourceId", id, "start",
                start.plus(3, ChronoUnit.HOURS).toString(), "end", start.plus(4, ChronoUnit.HOURS).toString()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("violations").toString()).contains("retired");
        String keptId = kept.body().get("bookingId").asString();
        assertThat(http.get("/events/status?bookingId=" + keptId, requester).body().get("status").asString())
                .isEqualTo("CONFIRMED");
        // retiring again changes nothing
        long before = storedEvents();
        assertThat(http.post("/api/resources/" + id + "/retire", adminToken, Map.of()).status()).isEqualTo(200);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void approvers_without_approval_required_are_refused_naming_approvers_not_dropped() {
        String approver = unique("appr");
        userWithRoles(approver, "APPROVER");
        long before = storedEvents();

        var refused = http.post("/api/resources", adminToken, body(unique("Gallery"), "approvers", List.of(approver)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("approvers");
        assertThat(storedEvents()).isEqualTo(before);
        var accepted = http.post("/api/resources", adminToken, body(unique("Gallery"), "approvers", List.of(approver),
                "approvalRequired", true));
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.body().get("approvers").get(0).asString()).isEqualTo(approver);
    }

    @Test
    void a_name_another_resource_has_is_refused_trimmed_and_whatever_its_case_on_create_and_edit() {
        String name = unique("Library");
        String first = create(name);
        String second = create(name + " annex");
        long before = storedEvents();

        var sameName = http.post("/api/resources", adminToken, body("  " + name.toUpperCase() + " "));
        var renamedOnto = http.put("/api/resources/" + second, adminToken, body(name.toLowerCase()));

        assertThat(sameName.status()).isEqualTo(400);
        assertThat(fields(sameName)).containsExactly("name");
        assertThat(renamedOnto.status()).isEqualTo(400);
        assertThat(fields(renamedOnto)).containsExactly("name");
        assertThat(storedEvents()).isEqualTo(before);
        // a resource keeps its own name in another case
        assertThat(http.put("/api/resources/" + first, adminToken, body(name.toUpperCase())).status()).isEqualTo(200);
    }

    @Test
    void of_racing_creates_of_one_name_exactly_one_wins() throws Exception {
        String name = unique("Contested");
        int racers = 6;
        CountDownLatch go = new CountDownLatch(1);
        var threads = java.util.concurrent.Executors.newFixedThreadPool(racers);
        List<CompletableFuture<Integer>> answers = IntStream.range(0, racers).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    // each in another case: still one name
                    String spelled = i % 2 == 0 ? name.toUpperCase() : name;
                    return http.post("/api/resources", adminToken, body(spelled)).status();
                }, threads)).toList();
        go.countDown();

        List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
        threads.shutdown();

        assertThat(statuses).containsOnly(201, 400);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        long named = StreamSupport.stream(http.get("/api/resources?includeRetired=true", adminToken).body().spliterator(),
                false).filter(r -> r.get("name").asString().equalsIgnoreCase(name)).count();
        assertThat(named).isEqualTo(1);
    }
}
