package dev.jangteo.command.account;

import dev.jangteo.api.Money;
import dev.jangteo.api.account.CloseAccountCommand;
import dev.jangteo.api.account.DepositFundsCommand;
import dev.jangteo.api.account.OpenAccountCommand;
import dev.jangteo.command.web.CommandSender;
import dev.jangteo.command.web.CommandSender.Sent;
import dev.jangteo.command.web.idempotency.IdempotentAttempt;
import dev.jangteo.platform.security.ActingUser;
import dev.jangteo.platform.web.ProblemCodes;
import dev.jangteo.platform.web.Validated;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;


@RestController
@ProblemCodes("COMMAND_TIMEOUT")
@RequestMapping("/api/accounts")
class AccountController {

    private static final String ACCOUNT = "ACCOUNT";

    private final CommandSender commands;

    AccountController(CommandSender commands) {
        this.commands = commands;
    }

    record OpenAccountRequest(String userId, String email, String name) {
    }

    record AccountOpened(String userId, String consistencyToken) {
    }

    record DepositRequest(Long amount, String depositId) {
    }

    record Deposited(String userId, String depositId, long balance, String consistencyToken) {
    }

    @ApiResponse(responseCode = "201", description = "Created")
    @ProblemCodes("ACCOUNT_ALREADY_EXISTS")
    @PostMapping
    ResponseEntity<AccountOpened> open(@RequestBody OpenAccountRequest request) {
        OpenAccountCommand command = Validated.of(() -> new OpenAccountCommand(
                ActingUser.self(request.userId()),
                request.email(), request.name()));
        Sent<Object> sent = commands.send(command, ACCOUNT, command.userId());
        return sent.reply(HttpStatus.CREATED, new AccountOpened(command.userId(), sent.consistencyToken()));
    }

    /** Idempotent per {@code depositId}: the same deposit sent twice is counted once (the id is made up if absent). */
    @ProblemCodes({"ACCOUNT_NOT_FOUND", "ACCOUNT_CLOSED"})
    @PostMapping("/{userId}/deposits")
    ResponseEntity<Deposited> deposit(@PathVariable String userId, @RequestBody DepositRequest request) {
        DepositFundsCommand command = Validated.of(() -> new DepositFundsCommand(
                userId, request.depositId() == null ? IdempotentAttempt.newId() : request.depositId(),
                Money.won(required(request.amount()))));
        Sent<Money> sent = commands.send(command, ACCOUNT, userId);
        return sent.reply(HttpStatus.OK, new Deposited(userId, command.depositId(), sent.result().won(),
                                                       sent.consistencyToken()));
    }

    record AccountClosed(String userId, String consistencyToken) {
    }

    /**
     * Closes the account and deletes its holder's key, so their email and name read as erased everywhere; balances
     * and orders stay. Idempotent: closing a closed account answers the same.
     */
    @ProblemCodes("ACCOUNT_NOT_FOUND")
    @DeleteMapping("/{userId}")
    ResponseEntity<AccountClosed> close(@PathVariable String userId) {
        CloseAccountCommand command = Validated.of(() -> new CloseAccountCommand(userId));
        Sent<Object> sent = commands.send(command, ACCOUNT, userId);
        return sent.reply(HttpStatus.OK, new AccountClosed(userId, sent.consistencyToken()));
    }

    private static long required(Long amount) {
        if (amount == null) {
            throw new IllegalArgumentException("amount is required");
        }
        return amount;
    }
}
