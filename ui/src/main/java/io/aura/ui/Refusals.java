package io.aura.ui;

import com.vaadin.flow.component.Component;
import io.aura.kernel.validation.FieldViolation;
import java.util.List;
import java.util.Locale;

/**
 * A refusal in the viewer's language. The kernel and the aggregates name the {@link io.aura.kernel.validation.Rule}
 * they applied (the API answers its English); this words it from the {@code refusal} bundles, one text per rule. A
 * violation without a rule is a person's words (an approver's comment) or a text the UI worded itself: shown as it
 * came.
 */
public final class Refusals {
    private static final AuraTranslations TRANSLATIONS = new AuraTranslations();

    private Refusals() {}

    /** {@code v} as {@code view}'s viewer reads it. */
    public static String of(Component view, FieldViolation v) {
        return v.rule() == null ? of(Locale.ENGLISH, v)
                : view.getTranslation("refusal." + v.rule().name(), v.arguments().toArray());
    }

    public static String of(Locale locale, FieldViolation v) {
        if (v.rule() == null) {
            return v.message() == null ? "" : v.message();
        }
        return TRANSLATIONS.getTranslation("refusal." + v.rule().name(), locale, v.arguments().toArray());
    }

    /** Several refusals in one line, each once. */
    public static String all(Locale locale, List<FieldViolation> violations) {
        return String.join(" ", violations.stream().map(v -> of(locale, v)).distinct().toList());
    }
}
