package io.aura.kernel.audit;

import java.util.List;
import java.util.function.Function;

/** The audit log's export formats, shared by the HTTP API and the web UI. JSON is written by the caller's mapper. */
public final class AuditExport {
    private AuditExport() {}

    /** One JSON object per line (JSON Lines), each an {@link AuditLog.Entry}. */
    public static String jsonLines(List<AuditLog.Entry> entries, Function<Object, String> json) {
        StringBuilder out = new StringBuilder();
        entries.forEach(e -> out.append(json.apply(e)).append('\n'));
        return out.toString();
    }

    /** RFC 4180 CSV with a header; the payload as a JSON cell. */
    public static String csv(List<AuditLog.Entry> entries, Function<Object, String> json) {
        StringBuilder out = new StringBuilder("globalIndex,aggregateId,aggregateType,sequence,type,timestamp,actor,payload\n");
        for (AuditLog.Entry e : entries) {
            out.append(e.globalIndex() == null ? "" : e.globalIndex()).append(',').append(cell(e.aggregateId())).append(',')
                    .append(cell(e.aggregateType())).append(',').append(e.sequence()).append(',')
                    .append(cell(e.type())).append(',').append(e.timestamp()).append(',').append(cell(e.actor()))
                    .append(',').append(cell(json.apply(e.payload()))).append('\n');
        }
        return out.toString();
    }

    private static String cell(String value) {
        return value == null ? "" : '"' + value.replace("\"", "\"\"") + '"';
    }
}
