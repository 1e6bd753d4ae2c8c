package dev.jangteo.query.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jangteo.api.order.OrderStatus;
import dev.jangteo.api.order.RejectionReason;
import dev.jangteo.platform.security.ActingUser;
import dev.jangteo.platform.web.ApiException;
import dev.jangteo.platform.web.ProblemCodes;
import dev.jangteo.query.consistency.ConsistentRead;
import dev.jangteo.query.consistency.ProjectionWatch;
import dev.jangteo.query.web.PageOf;
import dev.jangteo.query.web.Paging;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

@RestController
class OrderQueryController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("placedAt"), Sort.Order.desc("orderId"));

    static final int MAX_WAIT_SECONDS = 30;
    private static final Set<OrderStatus> SETTLED = EnumSet.of(OrderStatus.PAID, OrderStatus.REJECTED,
                                                               OrderStatus.CANCELLED);

    private final OrderViews orders;
    private final TransactionTemplate readOnly;
    private final OrderReads reads;
    private final ProjectionWatch watch;

    OrderQueryController(OrderViews orders, OrderReads reads, PlatformTransactionManager transactionManager,
                         ProjectionWatch watch) {
        this.orders = orders;
        this.reads = reads;
        this.watch = watch;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** Amounts are in won; unit prices and amounts are absent until the order is paid. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(String productId, int quantity, Long unitPrice, Long amount) {

        static Line of(OrderLineEntry line) {
            Long amount = line.unitPrice() == null ? null : Math.multiplyExact(line.unitPrice(), line.quantity());
            return new Line(line.productId(), line.quantity(), line.unitPrice(), amount);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Order(String orderId, String userId, OrderStatus status, RejectionReason reason, List<Line> lines,
                 String couponId, Long subtotal, Long discount, Long total, Instant placedAt, Instant paidAt,
                 Instant rejectedAt, Instant cancellationRequestedAt, Instant cancelledAt) {

        static Order of(OrderView view) {
            return new Order(view.orderId(), view.userId(), view.status(), view.reason(),
                             view.lines().stream().map(Line::of).toList(), view.couponId(), view.subtotal(),
                             view.discount(), view.total(), view.placedAt(), view.paidAt(), view.rejectedAt(),
                             view.cancellationRequestedAt(), view.cancelledAt());
        }

        Order withLines(List<Line> lines) {
            return new Order(orderId, userId, status, reason, lines, couponId, subtotal, discount, total, placedAt,
                             paidAt, rejectedAt, cancellationRequestedAt, cancelledAt);
        }
    }

    /**
     * With {@code wait=N} (seconds, at most {@value #MAX_WAIT_SECONDS}) the answer comes once the saga has settled the
     * order (PAID, REJECTED, CANCELLED) or when N seconds have passed, whichever is first; an order placed a moment
     * ago that the read model does not show yet is waited for too. A client follows its order without polling.
     */
    @ProblemCodes("ORDER_NOT_FOUND")
    @GetMapping("/api/orders/{orderId}")
    @ConsistentRead(OrderProjection.GROUP)
    Order order(@PathVariable String orderId, @RequestParam(required = false) Integer wait) {
        if (wait != null && (wait < 0 || wait > MAX_WAIT_SECONDS)) {
            throw ApiException.invalid("wait must be between 0 and " + MAX_WAIT_SECONDS + " seconds");
        }
        String subject = ActingUser.subject();
        Supplier<Optional<Order>> read = () -> reads.find(orderId);
        // Another user's order ends the wait as soon as it shows: the answer is 403 whatever its status.
        Optional<Order> order = wait == null || wait == 0 ? read.get()
                : watch.readUntil(OrderProjection.GROUP, orderId, read,
                                  found -> found.filter(o -> SETTLED.contains(o.status())
                                          || !o.userId().equals(subject)).isPresent(),
                                  Duration.ofSeconds(wait));
        Order found = order.orElseThrow(() -> ApiException.notFound("ORDER_NOT_FOUND", "No order " + orderId));
        if (!found.userId().equals(subject)) {
            throw ActingUser.forbidden("Order " + orderId + " belongs to another user");
        }
        return found;
    }

    @GetMapping("/api/users/{userId}/orders")
    @ConsistentRead(OrderProjection.GROUP)
    PageOf<Order> ordersOf(@PathVariable String userId,
                           @RequestParam(required = false) Integer page,
                           @RequestParam(required = false) Integer size) {
        Pageable pageable = Paging.of(page, size, NEWEST_FIRST);
        return readOnly.execute(status -> PageOf.of(orders.findByUserId(userId, pageable).map(Order::of)));
    }
}
