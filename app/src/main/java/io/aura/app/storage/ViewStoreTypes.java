package io.aura.app.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the in-process MongoDB server's maps store their keys and documents (ADR 0011). H2's
 * default {@link ObjectDataType} compares keys it does not know (the server's {@code KeyValue}) by
 * Java-serialising both sides on every comparison, and Java-serialises every document at each
 * commit: measured, that was three quarters of the server's time during a replay. Here keys
 * compare by type and value, and documents are stored as BSON.
 */
final class ViewStoreTypes {
    private ViewStoreTypes() {
    }

    /** How a map of the store is opened, by its name (the server names its maps by these patterns). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static MVMap.Builder<Object, Object> builderFor(String mapName) {
        MVMap.Builder builder = new MVMap.Builder<>();
        if (mapName.startsWith(DOCUMENTS_PREFIX)) {
            return builder.keyType(IdType.INSTANCE).valueType(DocumentType.INSTANCE);
        }
        if (mapName.contains(INDEX_INFIX)) {
            return builder.keyType(IndexKeyType.INSTANCE).valueType(IdType.INSTANCE);
        }
        return builder;
    }

    static final String DOCUMENTS_PREFIX = "databases.";
    static final String INDEX_INFIX = "._index_";

    /**
     * Copies a store written with H2's default types (before this format) into a new file with
     * these types, map by map; credentials, outboxes and idempotency keys live there and are not
     * events, so the store is copied, not rebuilt.
     */
    static void migrate(Path legacy, Path target) {
        copy(legacy, name -> new MVMap.Builder<>(), target);
        try {
            Files.delete(legacy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the migrated view store " + legacy, e);
        }
    }

    /**
     * Rewrites the file with its live data only when it is large and mostly dead pages (every rewrite
     * of a view leaves its old page behind until compaction catches up; a replay leaves hundreds of MB).
     * Runs before the store opens; a crash meanwhile leaves the original untouched.
     *
     * @return whether the file was rewritten
     */
    static boolean compactIfSparse(Path file, long minBytes, int minLivePercent) {
        try {
            if (!Files.exists(file) || Files.size(file) < minBytes) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int live;
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            live = store.getFileStore().getChunksFillRate();
        }
        if (live >= minLivePercent) {
            return false;
        }
        Path compacted = file.resolveSibling(file.getFileName() + ".compacted");
        copy(file, ViewStoreTypes::builderFor, compacted);
        try {
            Files.move(compacted, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the view store " + file, e);
        }
        return true;
    }

    /** Copies every map, entry by entry, into a new file written with these types. */
    private static void copy(Path from, Function<String, MVMap.Builder<Object, Object>> sourceTypes,
                             Path target) {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            try (MVStore source = new MVStore.Builder().fileName(from.toString()).readOnly().open();
                 MVStore to = new MVStore.Builder().fileName(partial.toString()).autoCommitDisabled().open()) {
                for (String name : source.getMapNames()) {
                    MVMap<Object, Object> original = source.openMap(name, sourceTypes.apply(name));
                    MVMap<Object, Object> copy = to.openMap(name, builderFor(name));
                    for (Map.Entry<Object, Object> entry : original.entrySet()) {
                        copy.put(entry.getKey(), entry.getValue());
                    }
                }
                to.commit();
                to.sync();
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the view store " + from, e);
        }
    }

    /** A total order on single MongoDB values that agrees with {@code equals}: by class, then by value. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        Class<?> ca = a.getClass();
        Class<?> cb = b.getClass();
        if (ca != cb) {
            return ca.getName().compareTo(cb.getName());
        }
        if (a instanceof Comparable comparable) {
            return comparable.compareTo(b);
        }
        if (a.equals(b)) {
            return 0;
        }
        // documents, lists, binary: equal values have equal encodings (the order H2 used before, made cheap)
        return java.util.Arrays.compare(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
    }

    /** Keys of the documents' map: the {@code _id} value itself. */
    static final class IdType extends BasicDataType<Object> {
        static final IdType INSTANCE = new IdType();
        private final ObjectDataType plain = new ObjectDataType();

        @Override
        public int compare(Object a, Object b) {
            return compareValues(a, b);
        }

        @Override
        public int getMemory(Object value) {
            return estimate(value);
        }

        @Override
        public void write(WriteBuffer buff, Object value) {
            plain.write(buff, value);
        }

        @Override
        public Object read(ByteBuffer buff) {
            return plain.read(buff);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    /** Keys of a unique index: the indexed values of one document, compared element by element. */
    static final class IndexKeyType extends BasicDataType<KeyValue> {
        static final IndexKeyType INSTANCE = new IndexKeyType();
        private final ObjectDataType plain = new ObjectDataType();

        @Override
        public int compare(KeyValue a, KeyValue b) {
            if (a == b) {
                return 0;
            }
            int n = Math.min(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                int c = compareValues(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        @Override
        public int getMemory(KeyValue key) {
            int memory = 48;
            for (Object value : key) {
                memory += estimate(value);
            }
            return memory;
        }

        @Override
        public void write(WriteBuffer buff, KeyValue key) {
            buff.putVarInt(key.size());
            for (Object value : key) {
                plain.write(buff, value);
            }
        }

        @Override
        public KeyValue read(ByteBuffer buff) {
            int size = org.h2.mvstore.DataUtils.readVarInt(buff);
            List<Object> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(plain.read(buff));
            }
            return new KeyValue(values);
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }

    /** The stored documents, as BSON (what the wire carried), not as Java-serialised maps. */
    static final class DocumentType extends BasicDataType<Document> {
        static final DocumentType INSTANCE = new DocumentType();
        private static final byte BSON = 1;
        private static final byte JAVA = 2;
        private final ObjectDataType plain = new ObjectDataType();

        @Override
        public int getMemory(Document document) {
            return estimate(document);
        }

        @Override
        public void write(WriteBuffer buff, Document document) {
            ByteBuf bson = Unpooled.buffer(256);
            try {
                BsonEncoder.encodeDocument(document, bson);
            } catch (RuntimeException notBson) {
                // a value BSON cannot carry (none known): keep it the way H2 would have
                buff.put(JAVA);
                plain.write(buff, document);
                return;
            }
            buff.put(BSON);
            buff.put(bson.nioBuffer());
        }

        @Override
        public Document read(ByteBuffer buff) {
            byte format = buff.get();
            if (format == JAVA) {
                return (Document) plain.read(buff);
            }
            int length = buff.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
            ByteBuffer slice = buff.slice(buff.position(), length);
            buff.position(buff.position() + length);
            return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }
    }

    /** A cheap guess of a value's heap size for H2's page cache, without encoding it. */
    static int estimate(Object value) {
        if (value == null) {
            return 8;
        }
        if (value instanceof String s) {
            return 40 + s.length();
        }
        if (value instanceof Map<?, ?> map) {
            int memory = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                memory += 32 + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return memory;
        }
        if (value instanceof Collection<?> list) {
            int memory = 40;
            for (Object item : list) {
                memory += 8 + estimate(item);
            }
            return memory;
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        return 24;
    }
}
