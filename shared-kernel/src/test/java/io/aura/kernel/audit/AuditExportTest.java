package io.aura.kernel.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditExportTest {
    static final AuditLog.Entry ENTRY = new AuditLog.Entry(7, "b-1", "Booking", 0, "BookingRequested",
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
}
