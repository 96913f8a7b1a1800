package io.aura.query.resource;

import static io.aura.query.resource.ResourceSpecs.aRoom;
import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.resource.ResourceEvents.ResourceChanged;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * What every resource view store does, whatever keeps it (SQLite, PostgreSQL, MongoDB): each
 * adapter's test extends this with its own store.
 */
abstract class ResourceViewStoreContract {

    abstract ResourceViewStore store();

    @Test
    void a_saved_resource_is_found_as_it_was_saved() {
        ResourceView hall = new ResourceView("r-1", aRoom().name("Hall").capacity(120).timeZone("Europe/Berlin")
                .approvedBy("alice", "bob").bufferMinutes(15).durationMinutes(30, 480).bookingWindowDays(180)
                .approvalLevels(new ApprovalLevel("facilities", List.of("carol"), "ADMIN", 50, 60, List.of("REQUESTER"),
                        List.of("dave"))).approvalDeadline("P2D").build(), "hall@contoso.com");

        store().save(hall);

        assertThat(store().find("r-1")).contains(hall);
        assertThat(store().find("r-2")).isEmpty();
    }

    @Test
    void saving_a_resource_again_replaces_it() {
        store().save(room("r-1", "Room", 8, 0));
        ResourceView bigger = room("r-1", "Room A", 12, 10);

        store().save(bigger);

        assertThat(store().find("r-1")).contains(bigger);
        assertThat(store().all()).containsExactly(bigger);
        assertThat(store().seating(10, null)).containsExactly(bigger);
    }

    @Test
    void every_resource_comes_by_name_then_id() {
        store().save(room("r-3", "Beta", 4, 0));
        store().save(room("r-1", "Gamma", 4, 0));
        store().save(room("r-4", "Alpha", 4, 0));
        store().save(room("r-2", "Beta", 4, 0));
        store().save(room("r-5", "annex", 4, 0));
        store().save(room("r-6", "Äußeres", 4, 0));

        // as stored, character by character: capitals before small letters, umlauts after both
        assertThat(store().all()).extracting(ResourceView::id)
                .containsExactly("r-4", "r-2", "r-3", "r-1", "r-5", "r-6");
    }

    @Test
    void the_resources_seating_enough_come_smallest_first_then_by_id_without_the_excluded_one() {
        store().save(room("r-small", "Small", 4, 0));
        store().save(room("r-b", "B", 10, 5));
        store().save(room("r-a", "A", 10, 0));
        store().save(room("r-hall", "Hall", 100, 30));
        store().save(room("r-exact", "Exact", 6, 0));

        assertThat(store().seating(6, "r-hall")).extracting(ResourceView::id).containsExactly("r-exact", "r-a", "r-b");
        assertThat(store().seating(6, null)).extracting(ResourceView::id)
                .containsExactly("r-exact", "r-a", "r-b", "r-hall");
        assertThat(store().seating(6, "nowhere")).hasSize(4);
        assertThat(store().seating(101, null)).isEmpty();
        assertThat(store().seating(6, null).get(2).spec().bufferMinutes()).isEqualTo(5);
    }

    @Test
    void an_edited_resource_is_found_listed_and_seated_by_its_new_rules() {
        ResourceView registered = room("r-1", "Room", 4, 0);
        store().save(registered);
        ResourceView edited = ResourceViewFold.changed(registered, new ResourceChanged("r-1",
                aRoom().name("Annex").capacity(20).bufferMinutes(5).build()));

        store().save(edited);

        assertThat(store().find("r-1")).contains(edited);
        assertThat(store().all()).extracting(v -> v.spec().name()).containsExactly("Annex");
        assertThat(store().seating(10, null)).containsExactly(edited);
    }

    @Test
    void a_retired_resource_is_still_found_and_listed_but_seats_nobody() {
        ResourceView linked = ResourceViewFold.externalCalendar(room("r-old", "Old hall", 50, 0), "old@contoso.com");
        store().save(room("r-new", "New hall", 50, 0));
        ResourceView retired = ResourceViewFold.retired(linked);

        store().save(retired);

        assertThat(store().find("r-old")).contains(retired);
        assertThat(store().find("r-old").orElseThrow().retired()).isTrue();
        assertThat(store().find("r-new").orElseThrow().retired()).isFalse();
        assertThat(store().all()).extracting(ResourceView::id).containsExactly("r-new", "r-old");
        assertThat(store().seating(10, null)).extracting(ResourceView::id).containsExactly("r-new");
        assertThat(store().seating(10, "r-new")).isEmpty();
    }

    @Test
    void clearing_forgets_every_resource() {
        store().save(room("r-1", "Room", 8, 0));

        store().clear();

        assertThat(store().find("r-1")).isEmpty();
        assertThat(store().all()).isEmpty();
        assertThat(store().seating(0, null)).isEmpty();
    }

    @Test
    void within_one_unit_of_work_a_later_event_sees_what_an_earlier_one_saved() {
        ResourceView registered = room("r-1", "Room", 8, 0);
        ResourceView linked = ResourceViewFold.externalCalendar(registered, "room@contoso.com");
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            store().save(registered);
            assertThat(store().find("r-1")).contains(registered);
            store().save(linked);
            assertThat(store().find("r-1")).contains(linked);
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }

        assertThat(store().find("r-1")).contains(linked);
        assertThat(store().all()).containsExactly(linked);
    }

    static ResourceView room(String id, String name, int capacity, int bufferMinutes) {
        return ResourceView.of(id, aRoom().name(name).capacity(capacity).bufferMinutes(bufferMinutes).build());
    }
}
