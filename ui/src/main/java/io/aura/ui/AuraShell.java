package io.aura.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;

/** Server push for the live views (updates batched by the services, at most four a second). */
@Push
public class AuraShell implements AppShellConfigurator {}
