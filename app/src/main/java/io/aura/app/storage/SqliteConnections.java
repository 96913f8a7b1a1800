package io.aura.app.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Adapts JDBC calls Axon makes to what SQLite accepts; every connection handed out is wrapped.
 * <ul>
 *   <li>sqlite-jdbc's {@code ResultSet.getObject(column, Long.class)} throws on SQL NULL instead of
 *       returning null, which breaks Axon's head-token query on an empty store;</li>
 *   <li>SQLite has no {@code SELECT ... FOR UPDATE} (nor updatable cursors). It needs none here:
 *       the pool has one connection and SQLite one writer, so a claim read and its update never
 *       interleave with another transaction.</li>
 * </ul>
 */
final class SqliteConnections {

    private static final String FOR_UPDATE = " FOR UPDATE";

    private SqliteConnections() {}

    static DataSource nullSafe(DataSource target) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                return wrap(Connection.class, super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return wrap(Connection.class, super.getConnection(username, password));
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(Class<T> type, Object target) {
        return (T) Proxy.newProxyInstance(SqliteConnections.class.getClassLoader(), new Class<?>[] {type},
                new Handler(target));
    }

    private record Handler(Object target) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("unwrap") && args.length == 1 && ((Class<?>) args[0]).isInstance(target)) {
                return target;
            }
            if (target instanceof Connection connection && method.getName().equals("prepareStatement")
                    && args != null && args[0] instanceof String sql && sql.contains(FOR_UPDATE)) {
                return wrap(PreparedStatement.class, connection.prepareStatement(sql.replace(FOR_UPDATE, "")));
            }
            if (target instanceof ResultSet rs && method.getName().equals("getObject") && args != null
                    && args.length == 2 && args[1] instanceof Class<?>) {
                Object raw = args[0] instanceof Integer i ? rs.getObject(i) : rs.getObject((String) args[0]);
                if (raw == null) {
                    return null;
                }
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            // Wrap by declared type: sqlite-jdbc's result set is also its own ResultSetMetaData.
            Class<?> declared = method.getReturnType();
            if (result != null && (declared == ResultSet.class || declared == PreparedStatement.class
                    || declared == Statement.class)) {
                return wrap(declared, result);
            }
            return result;
        }
    }
}
