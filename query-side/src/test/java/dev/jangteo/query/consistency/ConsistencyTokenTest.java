package dev.jangteo.query.consistency;

import dev.jangteo.platform.web.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsistencyTokenTest {

    @Test
    void canReadTheDecimalPositionOfACommandResponse() {
        assertThat(ConsistencyToken.parse("1234")).isEqualTo(1234);
        assertThat(ConsistencyToken.parse(" 7 ")).isEqualTo(7);
        assertThat(ConsistencyToken.parse("999999999999999999")).isEqualTo(999_999_999_999_999_999L);
    }

    @Test
    void canTakeTheHeaderOrTheParameter() {
        assertThat(ConsistencyToken.position("12", null)).isEqualTo(12);
        assertThat(ConsistencyToken.position(null, "13")).isEqualTo(13);
        assertThat(ConsistencyToken.position("14", "14")).isEqualTo(14);
    }

    @Test
    void canDoWithoutAToken() {
        assertThat(ConsistencyToken.position(null, null)).isEqualTo(-1);
    }

    @Test
    void cannotReadAMalformedToken() {
        for (String token : new String[] {"", "abc", "-1", "+1", "1.0", "1e3", "0x1f", "1234567890123456789"}) {
            assertThatThrownBy(() -> ConsistencyToken.parse(token))
                    .as(token)
                    .isInstanceOfSatisfying(ApiException.class,
                                            e -> assertThat(e.code()).isEqualTo("VALIDATION_FAILED"));
        }
    }

    @Test
    void cannotTakeADisagreeingHeaderAndParameter() {
        assertThatThrownBy(() -> ConsistencyToken.position("1", "2")).isInstanceOf(ApiException.class);
    }
}
