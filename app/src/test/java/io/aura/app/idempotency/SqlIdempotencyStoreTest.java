package io.aura.app.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.storage.SqliteTestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The idempotency store contract on SQLite (the embedded default's adapter). */
class SqlIdempotencyStoreTest extends IdempotencyStoreContract {
    @TempDir
    Path dir;
    SqliteTestDatabase database;
    SqlIdempotencyStore store;

    @BeforeEach
    void setUp() {
        database = new SqliteTestDatabase(dir);
        store = new SqlIdempotencyStore(database.writer, database.reader, database.transactions,
                JsonMapper.builder().build()).createSchema();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Override
    IdempotencyStore store() {
        return store;
    }

    record Slot(Instant start, Instant end) {}

    @Test
    void an_answer_holding_records_is_given_back_as_the_json_they_were_answered_as() {
        store.claim("alice", "k-1", "booking-1");
        Instant start = Instant.parse("2030-01-07T09:00:00Z");

        store.answer("alice", "k-1", 201, Map.of("occurrences", List.of(new Slot(start, start.plusSeconds(3600)))));

        assertThat(store.claim("alice", "k-1", "booking-2").orElseThrow().body()).isEqualTo(Map.of("occurrences",
                List.of(Map.of("start", "2030-01-07T09:00:00Z", "end", "2030-01-07T10:00:00Z"))));
    }

    @org.junit.jupiter.api.Test
    void a_table_from_before_fingerprints_gets_the_column_and_keeps_its_keys() {
        new org.springframework.jdbc.core.JdbcTemplate(database.writer).execute("DROP TABLE idempotency_key");
        new org.springframework.jdbc.core.JdbcTemplate(database.writer).execute("CREATE TABLE idempotency_key (id VARCHAR(500) PRIMARY KEY, "
                + "booking_id VARCHAR(100) NOT NULL, http_status INTEGER, body TEXT)");
        new org.springframework.jdbc.core.JdbcTemplate(database.writer).update("INSERT INTO idempotency_key (id, booking_id) VALUES ('alice:k-old', 'booking-0')");

        store.createSchema();

        var entry = store.claim("alice", "k-old", "booking-1", "digest").orElseThrow();
        org.assertj.core.api.Assertions.assertThat(entry.bookingId()).isEqualTo("booking-0");
        org.assertj.core.api.Assertions.assertThat(entry.sameRequest("digest")).isTrue(); // unknown then: let it through
    }
}
