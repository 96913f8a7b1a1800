package io.aura.kernel.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditExportTest {
    static final AuditLog.Entry ENTRY = new AuditLog.Entry(7L, "b-1", "Booking", 0, "BookingRequested",
            Instant.parse("2026-12-07T08:00:00Z"), "alice", Map.of("title", "Say \"hi\", all"));

    @Test
    void csv_quotes_every_text_cell_and_doubles_quotes_inside_them() {
        String csv = AuditExport.csv(List.of(ENTRY), payload -> "{\"title\":\"Say \\\"hi\\\", all\"}");
        assertThat(csv.lines().toList()).containsExactly(
                "globalIndex,aggregateId,aggregateType,sequence,type,timestamp,actor,payload",
                "7,\"b-1\",\"Booking\",0,\"BookingRequested\",2026-12-07T08:00:00Z,\"alice\","
                        + "\"{\"\"title\"\":\"\"Say \\\"\"hi\\\"\", all\"\"}\"");
    }

    @Test
    void json_lines_put_one_entry_on_each_line() {
        String lines = AuditExport.jsonLines(List.of(ENTRY, ENTRY), entry -> "{\"globalIndex\":7}");
        assertThat(lines).isEqualTo("{\"globalIndex\":7}\n{\"globalIndex\":7}\n");
    }

    @Test
    void an_entry_whose_store_gives_no_global_index_exports_an_empty_index_cell() {
        AuditLog.Entry fromAxonServer = new AuditLog.Entry(null, "b-1", "Booking", 3, "BookingConfirmed",
                Instant.parse("2026-12-07T08:00:00Z"), "alice", Map.of());
        assertThat(AuditExport.csv(List.of(fromAxonServer), payload -> "{}").lines().toList().get(1))
                .startsWith(",\"b-1\",\"Booking\",3,");
    }

    @Test
    void the_next_page_follows_the_global_index_and_for_entries_without_one_the_aggregates_sequence() {
        AuditLog.Filter first = new AuditLog.Filter("b-1", null, null, null, null, 0, 2);
        AuditLog.Entry indexed = new AuditLog.Entry(41L, "b-1", "Booking", 1, "BookingConfirmed",
                Instant.parse("2026-12-07T08:00:00Z"), "alice", Map.of());
        AuditLog.Entry unindexed = new AuditLog.Entry(null, "b-1", "Booking", 1, "BookingConfirmed",
                Instant.parse("2026-12-07T08:00:00Z"), "alice", Map.of());

        assertThat(first.after(indexed)).isEqualTo(new AuditLog.Filter("b-1", null, null, null, null, 41, -1, 2));
        assertThat(first.after(unindexed)).isEqualTo(new AuditLog.Filter("b-1", null, null, null, null, 0, 1, 2));
        assertThat(first.after(unindexed).first(5)).isEqualTo(new AuditLog.Filter("b-1", null, null, null, null, 0, 5));
    }
}
