package io.aura.app.migration;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Reads the view store file of releases before views moved into SQL ({@code views.mv}: the in-process
 * MongoDB server's H2 file, documents stored as BSON since ADR 0011), without that server: only H2
 * and the BSON library. Used once, to copy what is not derived from events into the new tables.
 */
final class LegacyViewStore implements AutoCloseable {
    static final String FILE = "views.mv";
    private static final String DOCUMENTS = "databases.aura.";

    private final MVStore store;

    private LegacyViewStore(MVStore store) {
        this.store = store;
    }

    /** The data directory's legacy view store, if it has one. */
    static Optional<LegacyViewStore> open(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(new LegacyViewStore(new MVStore.Builder().fileName(file.toString()).readOnly().open()));
    }

    /** Every document of a collection (none if the collection never existed). */
    List<Document> documents(String collection) {
        String name = DOCUMENTS + collection;
        List<Document> out = new ArrayList<>();
        if (!store.hasMap(name)) {
            return out;
        }
        MVMap<Object, byte[]> map = store.openMap(name, new MVMap.Builder<Object, byte[]>()
                .keyType(AnyKey.INSTANCE).valueType(BsonBytes.INSTANCE));
        for (byte[] bson : map.values()) {
            if (bson != null) {
                out.add(Document.parse(new RawBsonDocument(bson).toJson()));
            }
        }
        return out;
    }

    @Override
    public void close() {
        store.close();
    }

    /**
     * The documents' keys as H2 wrote them; a key H2 stored Java-serialised (a class of the old
     * server's) is skipped over as bytes, since only the documents are read.
     */
    private static final class AnyKey extends BasicDataType<Object> {
        static final AnyKey INSTANCE = new AnyKey();
        private static final int SERIALIZED_OBJECT = 19;
        private final ObjectDataType plain = new ObjectDataType();

        @Override
        public Object read(ByteBuffer buff) {
            if (buff.get(buff.position()) == SERIALIZED_OBJECT) {
                buff.get();
                byte[] bytes = new byte[DataUtils.readVarInt(buff)];
                buff.get(bytes);
                return bytes;
            }
            return plain.read(buff);
        }

        @Override
        public int compare(Object a, Object b) {
            throw new UnsupportedOperationException("read only, in stored order");
        }

        @Override
        public int getMemory(Object value) {
            return 64;
        }

        @Override
        public void write(WriteBuffer buff, Object value) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    /** A document as ADR 0011 stored it: a format byte (1 = BSON), then the BSON bytes. */
    private static final class BsonBytes extends BasicDataType<byte[]> {
        static final BsonBytes INSTANCE = new BsonBytes();

        @Override
        public byte[] read(ByteBuffer buff) {
            byte format = buff.get();
            if (format != 1) {
                throw new IllegalStateException("a view document in a format other than BSON (" + format + ")");
            }
            int length = buff.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
            byte[] bson = new byte[length];
            buff.get(bson);
            return bson;
        }

        @Override
        public int getMemory(byte[] value) {
            return 16 + (value == null ? 0 : value.length);
        }

        @Override
        public void write(WriteBuffer buff, byte[] value) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public byte[][] createStorage(int size) {
            return new byte[size][];
        }
    }
}
