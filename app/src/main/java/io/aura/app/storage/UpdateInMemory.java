package io.aura.app.storage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;

/**
 * Applies a MongoDB update to a document held in memory, the way the server would — for the few
 * operators the views use ({@code $set}, {@code $unset}, {@code $addToSet} of one value, dotted
 * paths through embedded documents). Anything else is "not supported" and the caller sends the
 * update to the server instead, so an answer here is never a guess.
 */
final class UpdateInMemory {
    private UpdateInMemory() {}

    /**
     * The document after the update, or empty when this update must go to the server.
     *
     * @param current the document as it stands, or {@code null} when it does not exist
     * @param upsert whether a missing document is created ({@code {_id}} plus the update)
     * @return the new state: a document, or {@code Optional.of(ABSENT)} when it still does not exist
     */
    static Optional<Document> apply(Object id, Document current, Document update, boolean upsert) {
        if (update.isEmpty() || !update.keySet().stream().allMatch(k -> k.startsWith("$"))) {
            return Optional.empty(); // a replacement, or an empty update: not ours
        }
        if (current == null && !upsert) {
            return Optional.of(ABSENT); // an update of a missing document changes nothing
        }
        Document result = current == null ? new Document("_id", id) : copy(current);
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            if (!(operator.getValue() instanceof Document fields)) {
                return Optional.empty();
            }
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                String path = field.getKey();
                if (path.isEmpty() || path.equals("_id") || path.startsWith("_id.") || path.contains("$")
                        || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
                    return Optional.empty();
                }
                boolean applied = switch (operator.getKey()) {
                    case "$set" -> set(result, path, copyValue(field.getValue()));
                    case "$unset" -> unset(result, path);
                    case "$addToSet" -> addToSet(result, path, field.getValue());
                    default -> false;
                };
                if (!applied) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(result);
    }

    /** The state "no such document" (an identity, never stored). */
    static final Document ABSENT = new Document();

    private static boolean set(Document target, String path, Object value) {
        String[] parts = path.split("\\.");
        Document parent = target;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = parent.get(parts[i]);
            if (next == null && !parent.containsKey(parts[i])) {
                Document created = new Document();
                parent.put(parts[i], created);
                parent = created;
            } else if (next instanceof Document d) {
                parent = d;
            } else {
                return false; // through an array or a value: the server's rules there are not copied here
            }
        }
        parent.put(parts[parts.length - 1], value);
        return true;
    }

    private static boolean unset(Document target, String path) {
        String[] parts = path.split("\\.");
        Document parent = target;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = parent.get(parts[i]);
            if (next == null) {
                return parent.containsKey(parts[i]) ? false : true; // nothing there to remove
            }
            if (!(next instanceof Document d)) {
                return false;
            }
            parent = d;
        }
        parent.remove(parts[parts.length - 1]);
        return true;
    }

    private static boolean addToSet(Document target, String path, Object value) {
        if (path.contains(".") || value instanceof Document d && d.keySet().stream().anyMatch(k -> k.startsWith("$"))) {
            return false; // {$each: …} or a nested path
        }
        Object existing = target.get(path);
        if (existing == null && !target.containsKey(path)) {
            List<Object> created = new ArrayList<>();
            created.add(copyValue(value));
            target.put(path, created);
            return true;
        }
        if (!(existing instanceof List<?> list)) {
            return false;
        }
        for (Object element : list) {
            if (sameBson(element, value)) {
                return true;
            }
        }
        List<Object> grown = new ArrayList<>(list);
        grown.add(copyValue(value));
        target.put(path, grown);
        return true;
    }

    /**
     * Equality as the server decides it for {@code $addToSet}: embedded documents compare field by
     * field in order (Java's {@code Document.equals} ignores the order).
     */
    static boolean sameBson(Object a, Object b) {
        if (a instanceof Document x && b instanceof Document y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<Map.Entry<String, Object>> i = x.entrySet().iterator();
            Iterator<Map.Entry<String, Object>> j = y.entrySet().iterator();
            while (i.hasNext()) {
                Map.Entry<String, Object> p = i.next();
                Map.Entry<String, Object> q = j.next();
                if (!p.getKey().equals(q.getKey()) || !sameBson(p.getValue(), q.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int k = 0; k < x.size(); k++) {
                if (!sameBson(x.get(k), y.get(k))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Number && b instanceof Number && a.getClass() != b.getClass()) {
            // 1 and 1L are one value to the server
            return ((Number) a).doubleValue() == ((Number) b).doubleValue();
        }
        return Objects.equals(a, b);
    }

    /** A deep copy: a held document must not share embedded documents or lists with a caller. */
    static Document copy(Document source) {
        Document copy = new Document();
        source.forEach((k, v) -> copy.put(k, copyValue(v)));
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Document d) {
            return copy(d);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(copyValue(v)));
            return copy;
        }
        return value;
    }
}
