package io.aura.ui;

import io.aura.kernel.booking.Reason;
import io.aura.kernel.booking.ReasonCode;
import java.util.List;
import java.util.Locale;

/**
 * The ranker's reasons for a slot in the viewer's language (ADR 0054): the kernel gives a {@link ReasonCode} and
 * the values it quotes, the {@code booking} bundles word each code ({@code booking.reason.<CODE>}, and
 * {@code .median} where a median decision time follows), numbers as the language writes them.
 */
public final class SlotReasons {
    private static final AuraTranslations TRANSLATIONS = new AuraTranslations();

    private SlotReasons() {}

    public static String of(Locale locale, Reason r) {
        List<Object> values = new java.util.ArrayList<>(r.args().subList(0, r.code().quoted()));
        String key = "booking.reason." + r.code().name();
        if (r.median().isPresent()) {
            Reason.Span median = r.median().get();
            values.add(TRANSLATIONS.getTranslation("booking.reason.span." + median.unit().name(), locale,
                    median.amount()));
            key += ".median";
        }
        return TRANSLATIONS.getTranslation(key, locale, values.toArray());
    }

    /**
     * What a one-click slot says under it: every reason but {@link ReasonCode#FREE}, which holds for every slot
     * on offer and would only repeat itself on each line.
     */
    public static String line(Locale locale, List<Reason> reasons) {
        return String.join(" · ", reasons.stream().filter(r -> r.code() != ReasonCode.FREE).map(r -> of(locale, r))
                .toList());
    }
}
