package dev.jangteo.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token verified once is not verified again until it expires; a refused one is never remembered. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");

    private final List<String> checked = new ArrayList<>();
    /** The real decoder's part: every token it is given is checked (and "bad" refused), expiring at NOW + 60 s. */
    private final JwtDecoder decoder = token -> {
        checked.add(token);
        if (token.startsWith("bad")) {
            throw new BadJwtException("signature does not match");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("alice")
                  .issuedAt(NOW.minusSeconds(1)).expiresAt(NOW.plusSeconds(60)).build();
    };

    @Test
    void canAnswerATokenSeenBeforeWithoutCheckingItAgain() {
        VerifiedTokens tokens = new VerifiedTokens(decoder, at(NOW), 10);

        Jwt first = tokens.decode("token-a");
        Jwt again = tokens.decode("token-a");

        assertThat(again).isSameAs(first);
        assertThat(checked).containsExactly("token-a");
    }

    @Test
    void cannotAnswerAnExpiredTokenFromMemory() {
        VerifiedTokens early = new VerifiedTokens(decoder, at(NOW), 10);
        early.decode("token-a");
        VerifiedTokens late = new VerifiedTokens(token -> {
            checked.add(token);
            throw new BadJwtException("expired");
        }, at(NOW.plus(Duration.ofSeconds(60))), 10);

        assertThatThrownBy(() -> late.decode("token-a")).isInstanceOf(BadJwtException.class);
        assertThat(checked).containsExactly("token-a", "token-a");
    }

    @Test
    void canCheckATokenAgainOnceItsExpiryHasPassed() {
        MutableClock clock = new MutableClock(NOW);
        VerifiedTokens tokens = new VerifiedTokens(decoder, clock, 10);
        tokens.decode("token-a");

        clock.now = NOW.plusSeconds(60);
        tokens.decode("token-a");

        assertThat(checked).containsExactly("token-a", "token-a");
    }

    @Test
    void cannotRememberARefusedToken() {
        VerifiedTokens tokens = new VerifiedTokens(decoder, at(NOW), 10);

        assertThatThrownBy(() -> tokens.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThat(checked).containsExactly("bad-token", "bad-token");
    }

    @Test
    void canStartAfreshPastItsCapacity() {
        VerifiedTokens tokens = new VerifiedTokens(decoder, at(NOW), 2);
        tokens.decode("token-a");
        tokens.decode("token-b");
        tokens.decode("token-c");  // the memory was full: starts afresh with token-c

        tokens.decode("token-a");

        assertThat(checked).containsExactly("token-a", "token-b", "token-c", "token-a");
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
