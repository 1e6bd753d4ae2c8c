package dev.jangteo.command.order;

import dev.jangteo.api.Money;
import dev.jangteo.api.audit.OrderFold;
import dev.jangteo.api.order.OrderCancellationRequestedEvent;
import dev.jangteo.api.order.OrderCancelledEvent;
import dev.jangteo.api.order.OrderLine;
import dev.jangteo.api.order.OrderPaidEvent;
import dev.jangteo.api.order.OrderPlacedEvent;
import dev.jangteo.api.order.OrderRejectedEvent;
import dev.jangteo.api.order.OrderStepFailedEvent;
import dev.jangteo.api.order.PricedLine;
import dev.jangteo.api.order.RejectionReason;
import dev.jangteo.command.FoldAgreement;
import dev.jangteo.command.FoldAgreement.Step;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static dev.jangteo.command.order.OrderTestData.COUPON;
import static dev.jangteo.command.order.OrderTestData.KIMCHI;
import static dev.jangteo.command.order.OrderTestData.ORDER;
import static dev.jangteo.command.order.OrderTestData.PLACED_AT;
import static dev.jangteo.command.order.OrderTestData.RICE;
import static dev.jangteo.command.order.OrderTestData.USER;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The audit fold of orders keeps what the Order keeps, whatever its history: paid twice, rejected after payment,
 * cancelled without a request, steps failing at any point. A failure prints the shortest history found and its seed,
 * replayed with {@code -DQT_SEED=...}.
 */
class OrderFoldTest {

    private static final List<String> PRODUCTS = List.of(KIMCHI, RICE, "seaweed");

    private enum Kind { FAIL_STEP, PAY, REJECT, REQUEST_CANCELLATION, CANCEL }

    @Test
    void foldAgreesWithTheOrderOnAnyHistory() {
        FoldAgreement<Order> agreement = FoldAgreement
                .of(Order.class, Order::new)
                .comparedAs("pricedLines", OrderFoldTest::asFolded, "lines", OrderFoldTest::pricedOnly);

        qt().withExamples(1_000)
            .forAll(FoldAgreement.steps(Kind.class).zip(integers().between(1, PRODUCTS.size()), booleans().all(),
                                                        OrderFoldTest::history))
            .checkAssert(agreement::check);
    }

    private static List<OrderFold.Line> asFolded(List<PricedLine> lines) {
        return lines == null ? null : lines.stream()
                                           .map(line -> new OrderFold.Line(line.productId(), line.quantity(),
                                                                           line.unitPrice().won()))
                                           .toList();
    }

    /** Until the order is paid the fold shows the lines asked for, without prices; the order keeps no lines then. */
    private static List<OrderFold.Line> pricedOnly(List<OrderFold.Line> lines) {
        return lines.stream().map(OrderFold.Line::unitPrice).allMatch(Objects::nonNull) ? lines : null;
    }

    /** Amounts consistent within each event; the payment, the cancellation request and the cancellation repeat them. */
    private static List<Object> history(List<Step<Kind>> steps, int products, boolean withCoupon) {
        String couponId = withCoupon ? COUPON : null;
        List<OrderLine> asked = PRODUCTS.subList(0, products).stream()
                                        .map(product -> new OrderLine(product, 2))
                                        .toList();
        List<Object> events = new ArrayList<>(List.of(new OrderPlacedEvent(ORDER, USER, asked, couponId,
                                                                           PLACED_AT)));
        List<PricedLine> priced = List.of();
        Money subtotal = Money.ZERO;
        Money discount = Money.ZERO;
        Instant paidAt = null;
        for (Step<Kind> step : steps) {
            Instant at = PLACED_AT.plusSeconds(events.size());
            RejectionReason reason = RejectionReason.values()[step.id() % RejectionReason.values().length];
            events.add(switch (step.kind()) {
                case FAIL_STEP -> new OrderStepFailedEvent(ORDER, reason);
                case PAY -> {
                    priced = asked.stream().map(line -> new PricedLine(line.productId(), line.quantity(),
                                                                       Money.won(step.amount() * 100L))).toList();
                    subtotal = priced.stream().map(PricedLine::amount).reduce(Money.ZERO, Money::plus);
                    discount = withCoupon ? Money.won(step.other() * 10L) : Money.ZERO;
                    paidAt = at;
                    yield new OrderPaidEvent(ORDER, USER, priced, couponId, subtotal, discount,
                                             subtotal.minus(discount), paidAt);
                }
                case REJECT -> new OrderRejectedEvent(ORDER, USER, reason, at);
                case REQUEST_CANCELLATION -> new OrderCancellationRequestedEvent(ORDER, USER, priced,
                                                                                 couponId, at);
                case CANCEL -> new OrderCancelledEvent(ORDER, USER, priced, couponId, subtotal,
                                                       discount, subtotal.minus(discount), paidAt, at);
            });
        }
        return events;
    }
}
