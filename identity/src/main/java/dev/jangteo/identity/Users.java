package dev.jangteo.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.List;

/**
 * The users of {@code jangteo.identity.users}, each with its encoded password ({@code {bcrypt}}, {@code {noop}}...)
 * and roles, which become the {@code roles} claim. None are built in: without the {@code demo} profile or users given
 * by the environment nobody can sign in, which the log says.
 */
@Configuration(proxyBeanMethods = false)
class Users {

    private static final Logger log = LoggerFactory.getLogger(Users.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(IdentityProperties properties) {
        List<UserDetails> users = properties.users().stream().map(Users::details).toList();
        if (users.isEmpty()) {
            log.warn("No users configured (jangteo.identity.users): nobody can sign in");
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails details(IdentityProperties.User user) {
        if (user.name() == null || user.name().isBlank() || user.password() == null || user.password().isBlank()) {
            throw new IllegalStateException("Every user in jangteo.identity.users needs a name and a password");
        }
        List<Role> roles = user.roles() == null ? List.of() : user.roles();
        return User.withUsername(user.name()).password(user.password())
                   .roles(roles.stream().map(Role::name).toArray(String[]::new)).build();
    }
}
