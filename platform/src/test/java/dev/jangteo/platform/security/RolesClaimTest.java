package dev.jangteo.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RolesClaimTest {

    @Test
    void canMapKnownRolesToAuthorities() {
        var authentication = new RolesClaim().convert(token("alice", List.of("CLIENT", "ADMIN")));

        assertThat(authentication.getName()).isEqualTo("alice");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                                                   .containsExactly("ROLE_CLIENT", "ROLE_ADMIN");
    }

    @Test
    void cannotInventARole() {
        var authentication = new RolesClaim().convert(token("mallory", List.of("ROOT", "ROLE_ADMIN", "client")));

        assertThat(authentication.getAuthorities()).isEmpty();
    }

    @Test
    void cannotGetRolesWithoutTheClaim() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("bob")
                     .expiresAt(Instant.now().plusSeconds(60)).build();

        assertThat(new RolesClaim().convert(jwt).getAuthorities()).isEmpty();
    }

    static Jwt token(String subject, List<String> roles) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject(subject).claim("roles", roles)
                  .expiresAt(Instant.now().plusSeconds(60)).build();
    }
}
