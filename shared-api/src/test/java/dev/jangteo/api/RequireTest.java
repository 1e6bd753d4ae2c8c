package dev.jangteo.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RequireTest {

    @Test
    void canTakeAnyWellFormedTextWithLineBreaks() {
        assertThat(Require.text("서울 😀 e\u0301\nnext\tline", "text", 100)).isNotNull();
        assertThat(Require.text("abc\u202Edef", "text", 100)).isNotNull();
    }

    @Test
    void cannotTakeControlCharactersOrLoneSurrogatesInText() {
        assertThatIllegalArgumentException().isThrownBy(() -> Require.text("a\u0000b", "text", 100));
        assertThatIllegalArgumentException().isThrownBy(() -> Require.text("a\u001Bb", "text", 100));
        assertThatIllegalArgumentException().isThrownBy(() -> Require.text("a\uD800b", "text", 100));
        assertThatIllegalArgumentException().isThrownBy(() -> Require.text("\uDC00", "text", 100));
        assertThatIllegalArgumentException().isThrownBy(() -> Require.text("ab\uD83D", "text", 100));
    }

    @Test
    void cannotTakeLineBreaksOrBidirectionalControlsInIds() {
        assertThat(Require.id("user-😀", "userId")).isNotNull();
        assertThatIllegalArgumentException().isThrownBy(() -> Require.id("a\nb", "userId"));
        assertThatIllegalArgumentException().isThrownBy(() -> Require.id("ab\u202Ecd", "userId"));
        assertThatIllegalArgumentException().isThrownBy(() -> Require.id("x".repeat(65), "userId"));
    }
}
