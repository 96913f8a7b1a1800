package io.aura.query.site;

import io.aura.kernel.site.SiteQueries.SiteView;
import io.aura.kernel.site.SiteQueries.TravelTime;
import io.aura.query.store.SqlViewStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Sites and travel times in SQL, beside the event store (ADR 0021): a row per site, a row per pair of sites
 * (stored in name order, so either order finds it). Written in the processor batch's transaction with its token;
 * read through {@code reader}, overlaid with what the running batch holds. Plain SQL that PostgreSQL runs too.
 */
public final class SqlSiteStore extends SqlViewStore<Object> implements SiteStore {
    private static final String SITE = "s|";
    private static final String TRAVEL = "t|";

    public SqlSiteStore(DataSource writer, DataSource reader, PlatformTransactionManager transactions) {
        super(writer, reader, transactions);
    }

    public SqlSiteStore createSchema() {
        transaction.executeWithoutResult(s -> {
            writer.execute("CREATE TABLE IF NOT EXISTS site (site_id VARCHAR(100) PRIMARY KEY, name TEXT NOT NULL, "
                    + "time_zone VARCHAR(100) NOT NULL)");
            writer.execute("CREATE TABLE IF NOT EXISTS site_travel (site_a VARCHAR(100) NOT NULL, "
                    + "site_b VARCHAR(100) NOT NULL, from_site VARCHAR(100) NOT NULL, to_site VARCHAR(100) NOT NULL, "
                    + "minutes INTEGER NOT NULL, PRIMARY KEY (site_a, site_b))");
        });
        return this;
    }

    @Override
    public List<SiteView> sites() {
        Map<String, SiteView> all = new LinkedHashMap<>();
        reader.query("SELECT site_id, name, time_zone FROM site", (rs, i) -> new SiteView(rs.getString(1),
                rs.getString(2), rs.getString(3))).forEach(site -> all.put(site.siteId(), site));
        Map<String, Object> batch = pending.peek();
        if (batch != null) {
            batch.forEach((key, value) -> {
                if (key.startsWith(SITE)) {
                    all.put(key.substring(SITE.length()), (SiteView) value);
                }
            });
        }
        return all.values().stream().sorted(Comparator.comparing(SiteView::name).thenComparing(SiteView::siteId))
                .toList();
    }

    @Override
    public Optional<SiteView> site(String siteId) {
        return sites().stream().filter(s -> s.siteId().equals(siteId)).findFirst();
    }

    @Override
    public void save(SiteView site) {
        hold(SITE + site.siteId(), site);
    }

    @Override
    public List<TravelTime> travelTimes() {
        Map<String, TravelTime> all = new LinkedHashMap<>();
        reader.query("SELECT from_site, to_site, minutes FROM site_travel ORDER BY site_a, site_b",
                (rs, i) -> new TravelTime(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .forEach(t -> all.put(t.pairKey(), t));
        Map<String, Object> batch = pending.peek();
        if (batch != null) {
            batch.forEach((key, value) -> {
                if (key.startsWith(TRAVEL)) {
                    all.put(key.substring(TRAVEL.length()), (TravelTime) value);
                }
            });
        }
        return new ArrayList<>(all.values());
    }

    @Override
    public void saveTravelTime(TravelTime time) {
        hold(TRAVEL + time.pairKey(), time);
    }

    @Override
    public void clear() {
        pending.discard();
        transaction.executeWithoutResult(s -> {
            writer.update("DELETE FROM site");
            writer.update("DELETE FROM site_travel");
        });
    }

    private void hold(String key, Object value) {
        Map<String, Object> batch = pending.open();
        if (batch == null) {
            writeBatch(Map.of(key, value));
        } else {
            batch.put(key, value);
        }
    }

    @Override
    protected void writeBatch(Map<String, Object> batch) {
        transaction.executeWithoutResult(s -> batch.forEach((key, value) -> {
            if (value instanceof SiteView site) {
                writer.update("INSERT INTO site (site_id, name, time_zone) VALUES (?, ?, ?) ON CONFLICT (site_id) "
                        + "DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone", site.siteId(),
                        site.name(), site.timeZone());
            } else if (value instanceof TravelTime t) {
                String[] pair = key.substring(TRAVEL.length()).split("\\|", 2);
                writer.update("INSERT INTO site_travel (site_a, site_b, from_site, to_site, minutes) VALUES "
                        + "(?, ?, ?, ?, ?) ON CONFLICT (site_a, site_b) DO UPDATE SET from_site = excluded.from_site, "
                        + "to_site = excluded.to_site, minutes = excluded.minutes", pair[0], pair[1],
                        t.fromSiteId(), t.toSiteId(), t.minutes());
            }
        }));
    }

}
