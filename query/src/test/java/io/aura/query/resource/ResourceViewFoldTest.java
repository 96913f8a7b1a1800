package io.aura.query.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.resource.ResourceEvents.ResourceChanged;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.resource.ResourceSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given a resource's events, the view the fold computes. */
class ResourceViewFoldTest {
    static final ResourceSpec ROOM = new ResourceSpec("Room", 8, "Europe/Berlin", true, List.of("alice"), 10, 15, 240,
            365);

    @Test
    void a_registered_resource_has_its_spec_and_no_linked_calendar() {
        ResourceView view = ResourceViewFold.registered(new ResourceRegistered("r-1", ROOM));

        assertThat(view.id()).isEqualTo("r-1");
        assertThat(view.spec()).isEqualTo(ROOM);
        assertThat(view.externalCalendar()).isNull();
    }

    @Test
    void linking_and_unlinking_a_calendar_changes_only_the_mailbox() {
        ResourceView registered = ResourceViewFold.registered(new ResourceRegistered("r-1", ROOM));

        ResourceView linked = ResourceViewFold.externalCalendar(registered, "room@contoso.com");
        ResourceView unlinked = ResourceViewFold.externalCalendar(linked, null);

        assertThat(linked.externalCalendar()).isEqualTo("room@contoso.com");
        assertThat(linked.spec()).isEqualTo(ROOM);
        assertThat(unlinked).isEqualTo(registered);
    }

    @Test
    void registering_again_replaces_the_whole_view_as_the_projection_always_did() {
        ResourceSpec bigger = new ResourceSpec("Room", 12, "Europe/Berlin", false, List.of(), 0, 15, 240, 365);

        ResourceView again = ResourceViewFold.registered(new ResourceRegistered("r-1", bigger));

        assertThat(again.spec().capacity()).isEqualTo(12);
        assertThat(again.externalCalendar()).isNull();
    }

    @Test
    void an_edit_replaces_the_spec_and_keeps_the_mailbox_and_retiring_keeps_everything_but_marks_it() {
        ResourceView linked = ResourceViewFold.externalCalendar(
                ResourceViewFold.registered(new ResourceRegistered("r-1", ROOM)), "room@contoso.com");
        ResourceSpec renamed = new ResourceSpec("Room 2", 8, "Europe/Berlin", false, List.of(), 10, 15, 240, 365);

        ResourceView edited = ResourceViewFold.changed(linked, new ResourceChanged("r-1", renamed));
        ResourceView retired = ResourceViewFold.retired(edited);
        ResourceView editedAfter = ResourceViewFold.changed(retired, new ResourceChanged("r-1", ROOM));

        assertThat(edited).isEqualTo(new ResourceView("r-1", renamed, "room@contoso.com", false));
        assertThat(retired).isEqualTo(new ResourceView("r-1", renamed, "room@contoso.com", true));
        assertThat(editedAfter.retired()).isTrue();
    }
}
