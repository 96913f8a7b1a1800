package io.aura.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lists on a phone: while the window is narrow a grid's secondary columns are hidden (and a view may
 * rearrange more), so the page never scrolls sideways and what is left (the name, the actions) stays readable.
 */
public final class Narrow {
    /** Narrower than this (CSS pixels), the window is a phone's. */
    public static final int PHONE_WIDTH = 700;

    private Narrow() {}

    public static void hideWhenNarrow(Component view, Grid.Column<?>... columns) {
        List<Grid.Column<?>> secondary = List.of(columns);
        whenResized(view, narrow -> secondary.forEach(c -> c.setVisible(!narrow)));
    }

    /** Tells {@code layout} whether the window is narrow, once attached and at every resize. */
    public static void whenResized(Component view, Consumer<Boolean> layout) {
        view.addAttachListener(attach -> {
            var page = attach.getUI().getPage();
            ExtendedClientDetails details = page.getExtendedClientDetails();
            if (details != null) {
                layout.accept(isNarrow(details.getWindowInnerWidth()));
            } else {
                page.retrieveExtendedClientDetails(d -> layout.accept(isNarrow(d.getWindowInnerWidth())));
            }
            Registration resized = page.addBrowserWindowResizeListener(e -> layout.accept(isNarrow(e.getWidth())));
            view.addDetachListener(detach -> {
                resized.remove();
                detach.unregisterListener();
            });
        });
    }

    private static boolean isNarrow(int width) {
        return width > 0 && width < PHONE_WIDTH; // unknown (no browser): as wide
    }
}
