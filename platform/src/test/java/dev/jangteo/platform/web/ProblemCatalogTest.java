package dev.jangteo.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemCatalogTest {

    private static final ProblemType SOLD_OUT = new ProblemType("COUPON_SOLD_OUT", HttpStatus.CONFLICT,
                                                                "The coupon is sold out", "Every copy is issued.");

    @Test
    void canDescribeTheAppsCodesBesideThePlatformsOwn() {
        ProblemCatalog catalog = new ProblemCatalog(List.of(() -> List.of(SOLD_OUT)));

        assertThat(catalog.find("COUPON_SOLD_OUT")).contains(SOLD_OUT);
        assertThat(catalog.find(ErrorCodes.UNKNOWN_FIELD)).isPresent();
        assertThat(catalog.find("NO_SUCH_CODE")).isEmpty();
    }

    @Test
    void canDescribeEveryCodeThePlatformGivesAStatus() {
        ProblemCatalog catalog = new ProblemCatalog(List.of());

        for (int status = 400; status < 600; status++) {
            String code = ErrorCodes.forStatus(status);
            if (!code.startsWith(ErrorCodes.BARE_STATUS_PREFIX)) {
                assertThat(catalog.find(code)).as("%s for %s", code, status).isPresent();
            }
        }
    }

    @Test
    void cannotDescribeACodeTwice() {
        assertThatThrownBy(() -> new ProblemCatalog(List.of(() -> List.of(SOLD_OUT), () -> List.of(SOLD_OUT))))
                .hasMessageContaining("COUPON_SOLD_OUT");
    }

    @Test
    void canNameEachCodesPageAsItsType() {
        assertThat(ProblemType.uriOf("COUPON_SOLD_OUT")).isEqualTo(URI.create("/problems/COUPON_SOLD_OUT"));
        assertThat(URI.create("http://shop.example:8081/api/coupons/c-1/issues").resolve(SOLD_OUT.uri()))
                .isEqualTo(URI.create("http://shop.example:8081/problems/COUPON_SOLD_OUT"));
    }

    @Test
    void canLeaveABareStatusWithoutAType() {
        assertThat(ProblemType.uriOf(ErrorCodes.forStatus(417))).isEqualTo(URI.create("about:blank"));
    }
}
