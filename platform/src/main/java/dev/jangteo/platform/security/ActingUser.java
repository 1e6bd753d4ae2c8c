package dev.jangteo.platform.security;

import dev.jangteo.platform.web.ApiException;
import dev.jangteo.platform.web.ErrorCodes;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/**
 * The user behind the current request: the subject of its bearer token. Controllers use it to act for that user only,
 * whatever a body or parameter claims.
 */
public final class ActingUser {

    private ActingUser() {
    }

    /** The token subject, or empty outside an authenticated request (a saga, a scheduler, a test fixture). */
    public static Optional<String> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return Optional.of(authentication.getName());
    }

    /** The token subject; 401 when there is none (the security rules let no such request reach a controller). */
    public static String subject() {
        return current().orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED,
                                                            "A bearer token is required"));
    }

    /**
     * The user a request acts for: {@code claimed} (a body's {@code userId}, {@code ownerId}...) when it is the token
     * subject, the subject when the request names nobody, and 403 when it names someone else.
     */
    public static String self(String claimed) {
        String subject = subject();
        if (claimed != null && !claimed.equals(subject)) {
            throw forbidden("A user may act only for itself: the token is for " + subject + ", not " + claimed);
        }
        return subject;
    }

    /** True when the current user holds one of {@code roles}. */
    public static boolean hasAnyRole(Role... roles) {
        return Access.hasAnyRole(SecurityContextHolder.getContext().getAuthentication(), roles);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN, detail);
    }
}
