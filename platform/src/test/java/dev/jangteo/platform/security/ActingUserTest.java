package dev.jangteo.platform.security;

import dev.jangteo.platform.web.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActingUserTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void canDefaultToTheTokenSubject() {
        signIn("alice");

        assertThat(ActingUser.self(null)).isEqualTo("alice");
    }

    @Test
    void canNameItself() {
        signIn("alice");

        assertThat(ActingUser.self("alice")).isEqualTo("alice");
    }

    @Test
    void cannotNameAnotherUser() {
        signIn("bob");

        assertThatThrownBy(() -> ActingUser.self("alice"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(e.code()).isEqualTo("FORBIDDEN");
                });
    }

    @Test
    void cannotActWithoutAToken() {
        assertThat(ActingUser.current()).isEmpty();
        assertThatThrownBy(() -> ActingUser.self("alice"))
                .isInstanceOfSatisfying(ApiException.class,
                                        e -> assertThat(e.code()).isEqualTo("UNAUTHENTICATED"));
    }

    private static void signIn(String subject) {
        SecurityContextHolder.getContext().setAuthentication(AccessTest.user(subject, "CLIENT"));
    }
}
