package io.aura.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/**
 * Lists on a phone: a grid's secondary columns are hidden while the window is narrow, so the page never
 * scrolls sideways and what is left (the name, the actions) stays readable.
 */
final class Narrow {
    /** Narrower than this (CSS pixels), the window is a phone's. */
    static final int PHONE_WIDTH = 700;

    private Narrow() {}

    static void hideWhenNarrow(Component view, Grid.Column<?>... columns) {
        List<Grid.Column<?>> secondary = List.of(columns);
        view.addAttachListener(attach -> {
            var page = attach.getUI().getPage();
            ExtendedClientDetails details = page.getExtendedClientDetails();
            if (details != null) {
                apply(secondary, details.getWindowInnerWidth());
            } else {
                page.retrieveExtendedClientDetails(d -> apply(secondary, d.getWindowInnerWidth()));
            }
            Registration resized = page.addBrowserWindowResizeListener(e -> apply(secondary, e.getWidth()));
            view.addDetachListener(detach -> {
                resized.remove();
                detach.unregisterListener();
            });
        });
    }

    private static void apply(List<Grid.Column<?>> columns, int width) {
        boolean narrow = width > 0 && width < PHONE_WIDTH; // unknown (no browser): as wide
        columns.forEach(c -> c.setVisible(!narrow));
    }
}
