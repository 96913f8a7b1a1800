package io.aura.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;

/** Server push for the live views (updates batched by the services, at most four a second); installable as an app. */
@Push
@PWA(name = "Aura Scheduler", shortName = "Aura", description = "Book rooms, venues and equipment",
        iconPath = "icons/icon.png")
public class AuraShell implements AppShellConfigurator {}
