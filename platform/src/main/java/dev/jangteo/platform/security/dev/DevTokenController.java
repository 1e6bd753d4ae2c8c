package dev.jangteo.platform.security.dev;

import dev.jangteo.platform.security.Role;
import dev.jangteo.platform.web.ApiException;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/dev/tokens}: a token for any demo user, for {@code ./dev token}, load tests and the console's dev
 * sign-in, on both apps. Exists only under the {@code local} and {@code loadtest} profiles; elsewhere the path is
 * denied like any unlisted one. Documented under the {@code security} tag of each app.
 */
@RestController
@SecurityRequirements
@Tag(name = "security")
@Profile({DevSecurityConfiguration.LOCAL, DevSecurityConfiguration.LOADTEST})
class DevTokenController {

    static final String PATH = "/api/dev/tokens";
    private static final int MAX_SUBJECT_LENGTH = 64;

    private final DevTokenIssuer issuer;

    DevTokenController(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    record TokenRequest(String subject, List<String> roles) {
    }

    record TokenIssued(String token, Instant expiresAt) {
    }

    @PostMapping(PATH)
    TokenIssued issue(@RequestBody TokenRequest request) {
        String subject = request.subject();
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH
                || !subject.strip().equals(subject)) {
            throw ApiException.invalid("subject must be 1 to " + MAX_SUBJECT_LENGTH
                                               + " characters without surrounding blanks");
        }
        List<Role> roles = request.roles() == null || request.roles().isEmpty() ? List.of(Role.CLIENT)
                : request.roles().stream().map(DevTokenController::role).distinct().toList();
        DevTokenIssuer.Issued issued = issuer.issue(subject, roles);
        return new TokenIssued(issued.token(), issued.expiresAt());
    }

    private static Role role(String name) {
        return Role.named(name).orElseThrow(() -> ApiException.invalid(
                "unknown role " + name + "; roles are " + List.of(Role.values())));
    }
}
