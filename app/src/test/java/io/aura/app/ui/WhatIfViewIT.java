package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import io.aura.app.IntegrationTest;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.ui.admin.AdminWhatIfView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The what-if screen (ADR 0048) driven on the server: the same service as the API, field errors, administrators only. */
class WhatIfViewIT extends IntegrationTest {
    @Autowired
    ApplicationContext spring;

    SecuredBrowserlessApplicationContext<?> vaadin;

    @BeforeEach
    void startVaadin() {
        vaadin = SpringBrowserlessApplicationContext.createSecured(spring, "io.aura.ui");
    }

    @AfterEach
    void stopVaadin() {
        vaadin.close();
    }

    @SuppressWarnings("unchecked")
    @Test
    void an_administrator_tries_a_buffer_on_a_room_and_sees_the_request_it_would_refuse() {
        String name = unique("What-if screen room");
        String roomId = http.post("/api/resources", adminToken, Map.of("name", name, "capacity", 4, "timeZone",
                "UTC")).body().get("id").asString();
        Instant nine = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
        for (int i = 0; i < 2; i++) { // back to back: a buffer parts them
            assertThat(http.post("/events/create", adminToken, Map.of("title", "Back to back " + i, "resourceId",
                    roomId, "start", nine.plus(i, ChronoUnit.HOURS).toString(), "end",
                    nine.plus(i + 1, ChronoUnit.HOURS).toString())).status()).isEqualTo(201);
        }
        BrowserlessUIContext admin = vaadin.newUser("admin", "ADMIN").newWindow();
        admin.navigate(AdminWhatIfView.class);
        ComboBox<ResourceView> resource = admin.find(ComboBox.class).withId("whatif-resource").single();
        admin.test(resource).selectItem(name);
        IntegerField buffer = admin.find(IntegerField.class).withId("whatif-buffer").single();

        admin.test(buffer).setValue(-5);
        admin.test(admin.find(Button.class).withId("whatif-run").single()).click();
        assertThat(buffer.isInvalid()).isTrue();

        admin.test(buffer).setValue(10);
        admin.test(admin.find(Button.class).withId("whatif-run").single()).click();
        assertThat(buffer.isInvalid()).isFalse();
        assertThat(admin.find(Paragraph.class).withId("whatif-summary").single().getText())
                .startsWith("2 requests: 0 were refused, 1 would have been (1 newly refused, 0 newly accepted)");
        Grid<?> examples = admin.find(Grid.class).withId("whatif-examples").single();
        assertThat(admin.test(examples).size()).isEqualTo(1);
        assertThat(admin.test(examples).getCellText(0, 3)).isEqualTo("Refused: Overlaps another booking");

        BrowserlessUIContext requester = vaadin.newUser(unique("curious"), "REQUESTER").newWindow();
        assertThatThrownBy(() -> requester.navigate(AdminWhatIfView.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
