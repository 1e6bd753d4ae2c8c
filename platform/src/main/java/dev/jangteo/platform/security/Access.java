package dev.jangteo.platform.security;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Arrays;
import java.util.function.Supplier;

/** Rules that look at the request as well as the roles: a user acting on a path that names that user. */
public final class Access {

    private Access() {
    }

    /** A CLIENT whose token subject equals the path variable {@code variable}. */
    public static AuthorizationManager<RequestAuthorizationContext> clientSelf(String variable) {
        return (authentication, context) -> decision(authentication, context, variable, Role.CLIENT);
    }

    /** As {@link #clientSelf}, or an ADMIN acting on anyone. */
    public static AuthorizationManager<RequestAuthorizationContext> clientSelfOrAdmin(String variable) {
        return (authentication, context) -> new AuthorizationDecision(
                hasAnyRole(authentication.get(), Role.ADMIN)
                        || decision(authentication, context, variable, Role.CLIENT).isGranted());
    }

    private static AuthorizationResult decision(Supplier<? extends Authentication> authentication,
                                                RequestAuthorizationContext context, String variable, Role role) {
        Authentication user = authentication.get();
        String named = context.getVariables().get(variable);
        return new AuthorizationDecision(hasAnyRole(user, role) && named != null && named.equals(user.getName()));
    }

    public static boolean hasAnyRole(Authentication authentication, Role... roles) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        return authentication.getAuthorities().stream()
                             .map(GrantedAuthority::getAuthority)
                             .anyMatch(authority -> Arrays.stream(roles)
                                                          .anyMatch(role -> role.authority().equals(authority)));
    }
}
