package dev.jangteo.command.order;

import dev.jangteo.api.order.CancelOrderCommand;
import dev.jangteo.api.order.OrderLine;
import dev.jangteo.api.order.OrderStatus;
import dev.jangteo.api.order.PlaceOrderCommand;
import dev.jangteo.command.web.CommandSender;
import dev.jangteo.command.web.CommandSender.Sent;
import dev.jangteo.command.web.idempotency.IdempotentAttempt;
import dev.jangteo.platform.security.ActingUser;
import dev.jangteo.platform.web.ProblemCodes;
import dev.jangteo.platform.web.Validated;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Orders are accepted (202) and paid asynchronously by {@link OrderPaymentSaga}: follow them on the query side
 * ({@code GET /api/orders/{id}}), with the consistency token to see at least the placement.
 */
@RestController
@ProblemCodes("COMMAND_TIMEOUT")
@RequestMapping("/api/orders")
class OrderController {

    private static final String ORDER = "ORDER";

    private final CommandSender commands;

    OrderController(CommandSender commands) {
        this.commands = commands;
    }

    record Item(String productId, Integer quantity) {
    }

    record PlaceOrderRequest(String orderId, String userId, List<Item> items, String couponId) {
    }

    record OrderAccepted(String orderId, OrderStatus status, String consistencyToken) {
    }

    @ApiResponse(responseCode = "202", description = "Accepted")
    @ProblemCodes("ORDER_ALREADY_EXISTS")
    @PostMapping
    ResponseEntity<OrderAccepted> place(@RequestBody PlaceOrderRequest request) {
        PlaceOrderCommand command = Validated.of(() -> new PlaceOrderCommand(
                request.orderId() == null ? IdempotentAttempt.newId() : request.orderId(),
                ActingUser.self(request.userId()), lines(request.items()), request.couponId()));
        Sent<Object> sent = commands.send(command, ORDER, command.orderId());
        return sent.reply(HttpStatus.ACCEPTED,
                          new OrderAccepted(command.orderId(), OrderStatus.PENDING, sent.consistencyToken()));
    }

    /** Only the user who placed the order may cancel it: {@link Order} checks the acting user (403 otherwise). */
    @ApiResponse(responseCode = "202", description = "Accepted")
    @ProblemCodes({"ORDER_NOT_FOUND", "ORDER_NOT_CANCELLABLE"})
    @PostMapping("/{orderId}/cancellation")
    ResponseEntity<OrderAccepted> cancel(@PathVariable String orderId) {
        CancelOrderCommand command = Validated.of(() -> new CancelOrderCommand(orderId));
        Sent<Object> sent = commands.send(command, ORDER, orderId);
        return sent.reply(HttpStatus.ACCEPTED,
                          new OrderAccepted(orderId, OrderStatus.CANCELLING, sent.consistencyToken()));
    }

    private static List<OrderLine> lines(List<Item> items) {
        if (items == null) {
            return List.of();
        }
        return items.stream()
                    .map(item -> {
                        if (item == null || item.quantity() == null) {
                            throw new IllegalArgumentException("each item needs a productId and a quantity");
                        }
                        return new OrderLine(item.productId(), item.quantity());
                    })
                    .toList();
    }
}
