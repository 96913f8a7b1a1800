package io.aura.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Server push for the live views (updates batched by the services, at most four a second); installable
 * as an app. Lumo is named here because Vaadin 25 applies no theme until the app shell names one:
 * without it every component falls back to its base styles and the browser's serif font.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("aura/aura.css")
@StyleSheet("aura/shell.css")
@PWA(name = "Aura Scheduler", shortName = "Aura", description = "Book rooms, venues and equipment",
        iconPath = "icons/icon.png")
public class AuraShell implements AppShellConfigurator {}
