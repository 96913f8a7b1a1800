package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.StateNode;
import com.vaadin.flow.internal.nodefeature.VirtualChildrenList;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import io.aura.app.IntegrationTest;
import io.aura.ui.AuraTranslations;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No view shows a bundle key or an English text in German (issue 18): every route of the UI, opened by
 * a user holding every role whose chosen language is German, its whole element tree walked (texts,
 * labels, helper texts, placeholders, aria labels, component properties such as a login form's or date
 * picker's texts, dialogs and notifications attached to the page) and the page title. A text fails when
 * it shows a missing key ({@code !{key}!}) or is exactly an English bundle text whose German differs.
 */
class GermanViewsIT extends IntegrationTest {
    /**
     * Views whose conversion to bundles happens on other branches of issue 18: their findings are printed,
     * not failed, and the frame around them (the shell) is still held to German. The lead empties this
     * list when those branches are merged (until then their English texts are in no bundle here, so they
     * pass without being converted).
     */
    static final Set<String> NOT_YET_CONVERTED = Set.of();

    /** Attributes that are read to people (the rest are for the page's machinery). */
    static final List<String> SPOKEN_ATTRIBUTES = List.of("aria-label", "title", "placeholder", "label", "alt");

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

    /** Every English text whose German differs, unless the same words are German somewhere too ("Webhooks"). */
    static Set<String> englishOnly() throws IOException {
        Set<String> english = new HashSet<>();
        Set<String> german = new HashSet<>();
        for (String feature : AuraTranslations.FEATURES) {
            Properties en = bundle(feature);
            Properties de = bundle(feature + "_de");
            for (String key : en.stringPropertyNames()) {
                german.add(de.getProperty(key, ""));
                if (!en.getProperty(key).equals(de.getProperty(key))) {
                    english.add(en.getProperty(key));
                }
            }
        }
        english.removeAll(german);
        english.removeIf(String::isBlank);
        return english;
    }

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = GermanViewsIT.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void no_view_shows_a_bundle_key_or_an_english_text_in_german() throws IOException {
        String name = unique("deutsch");
        String token = userWithRoles(name, "ADMIN", "APPROVER", "REQUESTER", "AUDITOR");
        assertThat(http.put("/api/users/me/language", token, Map.of("language", "de")).status()).isEqualTo(200);
        Set<String> english = englishOnly();
        BrowserlessUIContext ui = vaadin.newUser(name, "ADMIN", "APPROVER", "REQUESTER", "AUDITOR").newWindow();
        ui.activate();
        ui.getUI().setLocale(Locale.GERMAN);

        List<Class<? extends Component>> views = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getNavigationTarget)
                .filter(view -> view.getPackageName().startsWith("io.aura.ui"))
                .sorted(Comparator.comparing(Class::getName)).distinct().toList();
        assertThat(views).as("the routes of the UI").hasSizeGreaterThanOrEqualTo(13);

        Map<String, List<String>> failing = new LinkedHashMap<>();
        Map<String, List<String>> notYet = new LinkedHashMap<>();
        for (Class<? extends Component> view : views) {
            ui.navigate(view);
            assertThat(ui.getUI().getLocale()).isEqualTo(Locale.GERMAN);
            Element content = ui.getCurrentView().getElement();
            List<String> shell = new ArrayList<>();
            List<String> own = new ArrayList<>();
            walk(ui.getUI().getElement(), content, false, shell, own);
            shell.add(ui.getUI().getInternals().getTitle());
            List<String> shellFindings = findings(shell, english, "shell: ");
            List<String> viewFindings = findings(own, english, "");
            String viewName = view.getSimpleName();
            if (NOT_YET_CONVERTED.contains(viewName)) {
                if (!viewFindings.isEmpty()) {
                    notYet.put(viewName, viewFindings);
                }
                viewFindings = List.of();
            }
            List<String> all = new ArrayList<>(shellFindings);
            all.addAll(viewFindings);
            if (!all.isEmpty()) {
                failing.put(viewName, all);
            }
        }
        notYet.forEach((view, found) -> System.out.println("GermanViewsIT: not yet converted, " + view + " shows "
                + found));
        assertThat(failing).as("views showing a bundle key or an English text in German").isEmpty();
    }

    /** The texts that show a missing key or are English, each quoted with {@code prefix}. */
    static List<String> findings(List<String> texts, Set<String> english, String prefix) {
        Set<String> found = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            String trimmed = text.strip();
            if (trimmed.contains("!{")) {
                found.add(prefix + "key: \"" + trimmed + "\"");
            } else if (english.contains(trimmed)) {
                found.add(prefix + "English: \"" + trimmed + "\"");
            }
        }
        return List.copyOf(found);
    }

    /**
     * Collects what {@code element} and everything under it shows: into {@code own} inside {@code view},
     * into {@code shell} outside it (the frame, and what is attached to the page: dialogs, notifications).
     */
    static void walk(Element element, Element view, boolean inView, List<String> shell, List<String> own) {
        boolean inside = inView || element.equals(view);
        List<String> into = inside ? own : shell;
        into.add(element.getText());
        element.getPropertyNames().forEach(property -> strings(element.getPropertyRaw(property), into));
        for (String attribute : SPOKEN_ATTRIBUTES) {
            into.add(element.getAttribute(attribute));
        }
        element.getChildren().forEach(child -> walk(child, view, inside, shell, own));
        element.getShadowRoot().ifPresent(root -> root.getChildren().forEach(child -> walk(child, view, inside, shell,
                own)));
        StateNode node = element.getNode();
        if (node.hasFeature(VirtualChildrenList.class)) {
            Iterator<StateNode> virtual = node.getFeature(VirtualChildrenList.class).iterator();
            while (virtual.hasNext()) {
                StateNode child = virtual.next();
                if (Element.get(child) != null && !Element.get(child).isTextNode()) {
                    walk(Element.get(child), view, inside, shell, own);
                }
            }
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A property's texts: itself when it is text, every text inside when it is JSON (a component's i18n). */
    static void strings(Object raw, List<String> into) {
        if (raw instanceof String text) {
            into.add(text);
            if (!text.startsWith("{") && !text.startsWith("[")) {
                return;
            }
        }
        if (raw == null || raw instanceof Number || raw instanceof Boolean) {
            return;
        }
        String json = raw instanceof JsonNode node ? node.toString() : String.valueOf(raw);
        if (!json.startsWith("{") && !json.startsWith("[")) {
            return;
        }
        try {
            collect(JSON.readTree(json), into);
        } catch (RuntimeException notJson) {
            into.add(json);
        }
    }

    private static void collect(JsonNode node, List<String> into) {
        if (node.isString()) {
            into.add(node.asString());
        }
        node.forEach(child -> collect(child, into));
    }
}
