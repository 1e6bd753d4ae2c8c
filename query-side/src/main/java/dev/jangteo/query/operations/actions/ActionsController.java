package dev.jangteo.query.operations.actions;

import dev.jangteo.platform.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** What operators did, newest first, paged by id: pass the answer's {@code next} as {@code before}. */
@RestController
class ActionsController {

    private static final int MAX_LIMIT = 500;

    private final OperatorActions actions;

    ActionsController(OperatorActions actions) {
        this.actions = actions;
    }

    record Actions(List<OperatorActions.Action> actions, Long next) {
    }

    @GetMapping("/api/admin/actions")
    Actions latest(@RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) Long before) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalid("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        List<OperatorActions.Action> page = actions.latest(limit, before);
        Long next = page.size() == limit ? page.getLast().id() : null;
        return new Actions(page, next);
    }
}
