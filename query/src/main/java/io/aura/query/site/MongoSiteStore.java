package io.aura.query.site;

import io.aura.kernel.site.SiteQueries.SiteView;
import io.aura.kernel.site.SiteQueries.TravelTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** Sites and travel times in MongoDB (production): a document per site, a document per pair of sites. */
public final class MongoSiteStore implements SiteStore {
    static final String SITES = "sites";
    static final String TRAVEL = "siteTravel";

    private final MongoTemplate mongo;

    public MongoSiteStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<SiteView> sites() {
        return mongo.findAll(Document.class, SITES).stream().map(MongoSiteStore::site)
                .sorted(Comparator.comparing(SiteView::name).thenComparing(SiteView::siteId)).toList();
    }

    @Override
    public Optional<SiteView> site(String siteId) {
        return Optional.ofNullable(mongo.findById(siteId, Document.class, SITES)).map(MongoSiteStore::site);
    }

    @Override
    public void save(SiteView site) {
        mongo.save(new Document("_id", site.siteId()).append("name", site.name()).append("timeZone", site.timeZone()),
                SITES);
    }

    @Override
    public List<TravelTime> travelTimes() {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, TRAVEL).stream()
                .map(d -> new TravelTime(d.getString("fromSiteId"), d.getString("toSiteId"), d.getInteger("minutes")))
                .toList();
    }

    @Override
    public void saveTravelTime(TravelTime t) {
        mongo.save(new Document("_id", t.pairKey()).append("fromSiteId", t.fromSiteId()).append("toSiteId", t.toSiteId())
                .append("minutes", t.minutes()), TRAVEL);
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), SITES);
        mongo.remove(new Query(), TRAVEL);
    }

    private static SiteView site(Document d) {
        return new SiteView(d.getString("_id"), d.getString("name"), d.getString("timeZone"));
    }
}
