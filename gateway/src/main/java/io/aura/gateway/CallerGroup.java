package io.aura.gateway;

import io.aura.kernel.booking.RankingSignals;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The requester group the signed-in caller's suggestions are ranked for (ADR 0049): their highest role. */
public final class CallerGroup {
    private CallerGroup() {}

    public static String current() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return RankingSignals.groupOf(caller == null ? List.of()
                : caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }
}
