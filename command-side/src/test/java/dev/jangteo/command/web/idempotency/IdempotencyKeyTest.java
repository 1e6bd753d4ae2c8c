package dev.jangteo.command.web.idempotency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyKeyTest {

    @Test
    void canBeOneToTwoHundredFiftyFivePrintableAsciiCharacters() {
        assertThat(IdempotencyFilter.isValid("k")).isTrue();
        assertThat(IdempotencyFilter.isValid("5b2c0e7e-1f7c-4c1e-9d5e-3f1f0b8b1a2d")).isTrue();
        assertThat(IdempotencyFilter.isValid("~".repeat(255))).isTrue();
    }

    @Test
    void cannotBeEmptyBlankTooLongOrOutsidePrintableAscii() {
        assertThat(IdempotencyFilter.isValid("")).isFalse();
        assertThat(IdempotencyFilter.isValid("   ")).isFalse();
        assertThat(IdempotencyFilter.isValid("k".repeat(256))).isFalse();
        assertThat(IdempotencyFilter.isValid("열쇠")).isFalse();
        assertThat(IdempotencyFilter.isValid("a\tb")).isFalse();
        assertThat(IdempotencyFilter.isValid("a\u007Fb")).isFalse();
    }
}
