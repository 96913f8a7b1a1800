package io.aura.app.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.idempotency.IdempotencyStore.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every idempotency store does, whatever keeps it: each adapter's test extends this with its own store. */
abstract class IdempotencyStoreContract {

    abstract IdempotencyStore store();

    @Test
    void the_first_claim_of_a_key_gets_nothing_and_a_later_one_the_booking_of_the_first_without_an_answer_yet() {
        assertThat(store().claim("alice", "k-1", "booking-1")).isEmpty();

        Optional<Entry> again = store().claim("alice", "k-1", "booking-2");

        assertThat(again).isPresent();
        assertThat(again.get().bookingId()).isEqualTo("booking-1");
        assertThat(again.get().httpStatus()).isNull();
        assertThat(again.get().body()).isNull();
    }

    @Test
    void the_request_that_claimed_a_key_is_told_apart_from_another_one_under_the_same_key() {
        store().claim("alice", "k-fp", "booking-1", "digest-of-the-first");

        Entry entry = store().claim("alice", "k-fp", "booking-2", "digest-of-another").orElseThrow();

        assertThat(entry.fingerprint()).isEqualTo("digest-of-the-first");
        assertThat(entry.sameRequest("digest-of-the-first")).isTrue();
        assertThat(entry.sameRequest("digest-of-another")).isFalse();
    }

    @Test
    void a_forgotten_caller_s_keys_and_answers_are_gone_and_everyone_else_s_stay() {
        store().claim("al.i_ce", "k-1", "booking-1");
        store().answer("al.i_ce", "k-1", 201, Map.of("bookingId", "booking-1", "title", "Her surprise party"));
        store().claim("al.i_ce", "k-2", "booking-2");
        store().claim("alxixce", "k-1", "booking-3"); // '.' and '_' are no wildcards
        store().claim("bob", "al.i_ce:k-1", "booking-4");

        store().forgetCaller("al.i_ce");
        store().forgetCaller("nobody");

        assertThat(store().claim("al.i_ce", "k-1", "booking-5")).isEmpty(); // free again: nothing kept
        assertThat(store().claim("al.i_ce", "k-2", "booking-6")).isEmpty();
        assertThat(store().claim("alxixce", "k-1", "booking-7")).map(Entry::bookingId).contains("booking-3");
        assertThat(store().claim("bob", "al.i_ce:k-1", "booking-8")).map(Entry::bookingId).contains("booking-4");
    }

    @Test
    void an_answered_key_gives_the_first_answer_back() {
        store().claim("alice", "k-1", "booking-1");
        Map<String, Object> body = Map.of("bookingId", "booking-1", "status", "REJECTED", "attempts", 3,
                "conflicts", List.of(Map.of("source", "BLACKOUT", "id", "b-7")), "detail", "The slot conflicts.");

        store().answer("alice", "k-1", 409, body);
        Entry entry = store().claim("alice", "k-1", "booking-2").orElseThrow();

        assertThat(entry.bookingId()).isEqualTo("booking-1");
        assertThat(entry.httpStatus()).isEqualTo(409);
        assertThat(entry.body()).isEqualTo(body);
    }

    @Test
    void a_key_belongs_to_its_caller() {
        store().claim("alice", "k-1", "booking-1");

        assertThat(store().claim("bob", "k-1", "booking-2")).isEmpty();
        assertThat(store().claim("bob", "k-1", "booking-3").orElseThrow().bookingId()).isEqualTo("booking-2");
    }

    @Test
    void of_claims_of_one_key_racing_each_other_exactly_one_gets_it_and_the_others_its_booking() throws Exception {
        int racers = 6;
        try (ExecutorService threads = Executors.newFixedThreadPool(racers)) {
            for (int key = 0; key < 10; key++) {
                String k = "race-" + key;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Optional<Entry>>> claims = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    String bookingId = "booking-" + i;
                    claims.add(threads.submit(() -> {
                        start.await();
                        return store().claim("alice", k, bookingId);
                    }));
                }
                start.countDown();
                List<Optional<Entry>> results = new ArrayList<>();
                for (Future<Optional<Entry>> claim : claims) {
                    results.add(claim.get());
                }
                assertThat(results).as(k).filteredOn(Optional::isEmpty).hasSize(1);
                String winner = "booking-" + results.indexOf(Optional.<Entry>empty());
                assertThat(results).filteredOn(Optional::isPresent)
                        .allSatisfy(r -> assertThat(r.get().bookingId()).isEqualTo(winner));
            }
        }
    }
}
