package dev.jangteo.command.catalog;

import dev.jangteo.api.Money;
import dev.jangteo.api.catalog.ChangePriceCommand;
import dev.jangteo.api.catalog.RegisterProductCommand;
import dev.jangteo.api.catalog.RestockCommand;
import dev.jangteo.command.web.CommandSender;
import dev.jangteo.command.web.CommandSender.Sent;
import dev.jangteo.command.web.idempotency.IdempotentAttempt;
import dev.jangteo.platform.web.ProblemCodes;
import dev.jangteo.platform.web.Validated;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;


@RestController
@ProblemCodes("COMMAND_TIMEOUT")
@RequestMapping("/api/products")
class ProductController {

    private static final String PRODUCT = "PRODUCT";

    private final CommandSender commands;

    ProductController(CommandSender commands) {
        this.commands = commands;
    }

    record RegisterProductRequest(String productId, String name, String category, Long price, Integer stock) {
    }

    record PriceRequest(Long price) {
    }

    record RestockRequest(String restockId, Integer quantity) {
    }

    record ProductWritten(String productId, String consistencyToken) {
    }

    @ApiResponse(responseCode = "201", description = "Created")
    @ProblemCodes("PRODUCT_ALREADY_EXISTS")
    @PostMapping
    ResponseEntity<ProductWritten> register(@RequestBody RegisterProductRequest request) {
        RegisterProductCommand command = Validated.of(() -> new RegisterProductCommand(
                request.productId() == null ? IdempotentAttempt.newId() : request.productId(),
                request.name(), request.category(), Money.won(required(request.price(), "price")),
                required(request.stock(), "stock")));
        return written(HttpStatus.CREATED, command, command.productId());
    }

    @ProblemCodes("PRODUCT_NOT_FOUND")
    @PutMapping("/{productId}/price")
    ResponseEntity<ProductWritten> changePrice(@PathVariable String productId, @RequestBody PriceRequest request) {
        ChangePriceCommand command = Validated.of(() -> new ChangePriceCommand(
                productId, Money.won(required(request.price(), "price"))));
        return written(HttpStatus.OK, command, productId);
    }

    @ProblemCodes("PRODUCT_NOT_FOUND")
    @PostMapping("/{productId}/restocks")
    ResponseEntity<ProductWritten> restock(@PathVariable String productId, @RequestBody RestockRequest request) {
        RestockCommand command = Validated.of(() -> new RestockCommand(
                productId, request.restockId() == null ? IdempotentAttempt.newId() : request.restockId(),
                required(request.quantity(), "quantity")));
        return written(HttpStatus.OK, command, productId);
    }

    private ResponseEntity<ProductWritten> written(HttpStatus status, Object command, String productId) {
        Sent<Object> sent = commands.send(command, PRODUCT, productId);
        return sent.reply(status, new ProductWritten(productId, sent.consistencyToken()));
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }
}
