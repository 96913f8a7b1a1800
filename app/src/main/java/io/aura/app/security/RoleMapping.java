package io.aura.app.security;

import io.aura.kernel.identity.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which roles a person of the OpenID provider holds in Aura, from the values of the token's role claims (app
 * roles in {@code roles}, group ids in {@code groups}): a pure function of the token and the configuration.
 * A value that is a role's own name ({@code ADMIN}) maps to it; others only through an entry of the mapping;
 * a value nobody mapped grants nothing.
 */
public final class RoleMapping {
    private final List<String> claims;
    private final Map<String, Set<Role>> byValue;
    private final Set<Role> everyone;

    private RoleMapping(List<String> claims, Map<String, Set<Role>> byValue, Set<Role> everyone) {
        this.claims = List.copyOf(claims);
        this.byValue = Map.copyOf(byValue);
        this.everyone = everyone.isEmpty() ? Set.of() : Set.copyOf(everyone);
    }

    /**
     * @param mapping {@code value=ROLE[,ROLE…]} entries separated by {@code ;} or line breaks (blank: none)
     * @throws IllegalArgumentException naming the entry that is not of that shape or names no role
     */
    public static RoleMapping parse(List<String> claims, String mapping, Collection<String> defaultRoles) {
        Map<String, Set<Role>> byValue = new LinkedHashMap<>();
        if (mapping != null) {
            for (String entry : mapping.split("[;\\n]")) {
                if (entry.isBlank()) {
                    continue;
                }
                int equals = entry.lastIndexOf('=');
                if (equals <= 0 || entry.substring(0, equals).isBlank()) {
                    throw new IllegalArgumentException("aura.sso.role-mapping: '" + entry.strip()
                            + "' is not of the shape value=ROLE[,ROLE...]");
                }
                Set<Role> roles = roles(List.of(entry.substring(equals + 1).split(",")), "aura.sso.role-mapping");
                byValue.merge(entry.substring(0, equals).strip(), roles, (a, b) -> {
                    Set<Role> both = EnumSet.copyOf(a);
                    both.addAll(b);
                    return both;
                });
            }
        }
        return new RoleMapping(claims, byValue, roles(defaultRoles, "aura.sso.default-roles"));
    }

    /** The roles the claims of one token map to (the default roles included); empty if none. */
    public Set<Role> rolesOf(Map<String, Object> tokenClaims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(everyone);
        for (String claim : claims) {
            Object value = tokenClaims.get(claim);
            Collection<?> values = value instanceof Collection<?> many ? many
                    : value instanceof String one ? List.of(one) : List.of();
            for (Object v : values) {
                String text = String.valueOf(v);
                roles.addAll(byValue.getOrDefault(text, Set.of()));
                for (Role role : Role.values()) {
                    if (role.name().equals(text)) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles.isEmpty() ? Set.of() : Set.copyOf(roles);
    }

    private static Set<Role> roles(Collection<String> names, String property) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names == null) {
            return roles;
        }
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            try {
                roles.add(Role.valueOf(name.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(property + ": '" + name.strip()
                        + "' is no role; the roles are REQUESTER, APPROVER, ADMIN, AUDITOR", e);
            }
        }
        return roles;
    }
}
