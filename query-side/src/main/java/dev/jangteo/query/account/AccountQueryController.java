package dev.jangteo.query.account;

import dev.jangteo.platform.web.ApiException;
import dev.jangteo.platform.web.ProblemCodes;
import dev.jangteo.query.consistency.ConsistentRead;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
class AccountQueryController {

    private final AccountViews accounts;

    AccountQueryController(AccountViews accounts) {
        this.accounts = accounts;
    }

    record Account(String userId, String email, String name, long balance, Instant openedAt, Instant updatedAt,
                   Instant closedAt) {

        static Account of(AccountView view) {
            return new Account(view.userId(), view.email(), view.name(), view.balance(), view.openedAt(),
                               view.updatedAt(), view.closedAt());
        }
    }

    @ProblemCodes("ACCOUNT_NOT_FOUND")
    @GetMapping("/api/accounts/{userId}")
    @ConsistentRead(AccountProjection.GROUP)
    Account account(@PathVariable String userId) {
        return accounts.findById(userId)
                       .map(Account::of)
                       .orElseThrow(() -> ApiException.notFound("ACCOUNT_NOT_FOUND", "No account " + userId));
    }
}
