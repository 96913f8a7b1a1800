package io.aura.query.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Schema changes a store makes to the tables it created in an earlier version. */
public final class SqlColumns {
    private SqlColumns() {}

    /**
     * Adds {@code column} to a table created before it existed (SQLite has no ADD COLUMN IF NOT EXISTS;
     * the same SQL runs on PostgreSQL).
     *
     * @param definition the column's type and constraints, e.g. {@code "VARCHAR(64)"}
     */
    public static void addIfMissing(JdbcTemplate reader, JdbcTemplate writer, TransactionTemplate transaction,
                                    String table, String column, String definition) {
        boolean present = Boolean.TRUE.equals(reader.query("SELECT * FROM " + table + " WHERE 1 = 0", rs -> {
            var meta = rs.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                if (meta.getColumnName(c).equalsIgnoreCase(column)) {
                    return true;
                }
            }
            return false;
        }));
        if (!present) {
            transaction.executeWithoutResult(s -> writer.execute(
                    "ALTER TABLE " + table + " ADD COLUMN " + column + " " + definition));
        }
    }
}
