package dev.jangteo.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A verified token becomes the user named by {@code sub} with the authorities {@code ROLE_<name>} of the known roles
 * in its {@code roles} claim (a string array); unknown names are ignored.
 */
final class RolesClaim implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String CLAIM = "roles";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getClaimAsString(JwtClaimNames.SUB));
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<String> names = jwt.hasClaim(CLAIM) ? jwt.getClaimAsStringList(CLAIM) : null;
        if (names == null) {
            return List.of();
        }
        return names.stream()
                    .map(Role::named)
                    .flatMap(Optional::stream)
                    .distinct()
                    .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                    .toList();
    }
}
