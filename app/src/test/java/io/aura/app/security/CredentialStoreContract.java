package io.aura.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every credential store does, whatever keeps it: each adapter's test extends this with its own store. */
abstract class CredentialStoreContract {

    abstract CredentialStore store();

    @Test
    void a_created_credential_is_found_by_its_name() {
        assertThat(store().create("alice", "hash-a")).isTrue();

        assertThat(store().passwordHash("alice")).contains("hash-a");
        assertThat(store().exists("alice")).isTrue();
        assertThat(store().passwordHash("bob")).isEmpty();
        assertThat(store().exists("bob")).isFalse();
    }

    @Test
    void a_taken_name_is_refused_and_keeps_its_first_hash() {
        store().create("alice", "first");

        assertThat(store().create("alice", "second")).isFalse();
        assertThat(store().passwordHash("alice")).contains("first");
    }

    @Test
    void a_replaced_hash_is_the_one_found_and_the_name_stays_taken_and_a_missing_name_stays_missing() {
        store().create("alice", "first");

        store().replace("alice", "unusable");
        store().replace("nobody", "unusable");

        assertThat(store().passwordHash("alice")).contains("unusable");
        assertThat(store().create("alice", "second")).isFalse();
        assertThat(store().exists("nobody")).isFalse();
    }

    @Test
    void a_deleted_credential_is_gone_and_its_name_free_again() {
        store().create("alice", "first");
        store().delete("alice");
        store().delete("nobody"); // nothing to delete: nothing happens

        assertThat(store().exists("alice")).isFalse();
        assertThat(store().create("alice", "second")).isTrue();
        assertThat(store().passwordHash("alice")).contains("second");
    }

    @Test
    void of_creates_of_one_name_racing_each_other_exactly_one_wins() throws Exception {
        int racers = 6;
        try (ExecutorService threads = Executors.newFixedThreadPool(racers)) {
            for (int name = 0; name < 10; name++) {
                String username = "racer-" + name;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> creates = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    String hash = "hash-" + i;
                    creates.add(threads.submit(() -> {
                        start.await();
                        return store().create(username, hash);
                    }));
                }
                start.countDown();
                List<Boolean> won = new ArrayList<>();
                for (Future<Boolean> create : creates) {
                    won.add(create.get());
                }
                assertThat(won).as(username).containsOnlyOnce(true);
                int winner = won.indexOf(true);
                assertThat(store().passwordHash(username)).contains("hash-" + winner);
            }
        }
    }
}
