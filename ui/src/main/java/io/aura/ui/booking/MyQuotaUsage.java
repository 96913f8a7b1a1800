package io.aura.ui.booking;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.aura.kernel.quota.QuotaLedgerRules.PeriodUsage;
import io.aura.kernel.quota.QuotaLedgerRules.QuotaUsage;
import io.aura.kernel.quota.QuotaPeriod;
import io.aura.kernel.quota.QuotaSpec;
import io.aura.kernel.quota.Quotas;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * "My quotas" on My bookings (ADR 0034): per quota that limits the signed-in person, what this week or month
 * holds and the later periods that already hold bookings. Not shown when no quota limits them.
 */
class MyQuotaUsage extends Div {

    MyQuotaUsage(Quotas quotas, String user, Collection<String> roles, Map<String, String> resourceNames) {
        setId("my-quotas");
        List<QuotaUsage> usage = quotas.usageOf(user, roles);
        setVisible(!usage.isEmpty());
        if (usage.isEmpty()) {
            return;
        }
        add(new H3(getTranslation("booking.quota.heading")));
        for (QuotaUsage u : usage) {
            List<String> lines = new ArrayList<>();
            lines.add(line(u.spec(), u.periodKey(), u.usedBookings(), u.usedMinutes(), resourceNames));
            for (PeriodUsage later : u.upcoming()) {
                lines.add(line(u.spec(), later.period(), later.usedBookings(), later.usedMinutes(), resourceNames));
            }
            lines.forEach(l -> {
                Paragraph p = new Paragraph(l);
                p.addClassNames(LumoUtility.Margin.Vertical.XSMALL);
                add(p);
            });
        }
    }

    /** "Week 2026-W50 on Room 1: 2 of 3 bookings, 60 of 120 minutes". */
    private String line(QuotaSpec spec, String period, long bookings, long minutes, Map<String, String> names) {
        String when = getTranslation(spec.period() == QuotaPeriod.P1W ? "booking.quota.week" : "booking.quota.month",
                period);
        if (spec.resourceId() != null) {
            when = when + " " + getTranslation("booking.quota.on",
                    names.getOrDefault(spec.resourceId(), spec.resourceId()));
        }
        List<String> used = new ArrayList<>();
        if (spec.maxBookings() != null) {
            used.add(getTranslation("booking.quota.bookings", bookings, spec.maxBookings()));
        }
        if (spec.maxMinutes() != null) {
            used.add(getTranslation("booking.quota.minutes", minutes, spec.maxMinutes()));
        }
        return getTranslation("booking.quota.line", when, String.join(", ", used));
    }
}
