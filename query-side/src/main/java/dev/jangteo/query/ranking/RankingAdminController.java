package dev.jangteo.query.ranking;

import dev.jangteo.platform.web.ApiException;
import dev.jangteo.platform.web.ProblemCodes;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** Operators: where rankings are answered from now, and a rebuild of every Redis ranking key from the events. */
@RestController
class RankingAdminController {

    private final Rankings rankings;
    private final RankingRebuild rebuild;
    private final RankingStore store;

    RankingAdminController(Rankings rankings, RankingRebuild rebuild, RankingStore store) {
        this.rankings = rankings;
        this.rebuild = rebuild;
        this.store = store;
    }

    @GetMapping("/api/admin/rankings")
    Map<String, Object> status() {
        return rankings.status();
    }

    /** 202 at once; queries answer from PostgreSQL until the replay has caught up ({@code GET} above). */
    @ProblemCodes("RANKINGS_STORE_UNAVAILABLE")
    @PostMapping("/api/admin/rankings/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> rebuild() {
        try {
            store.complete();
        } catch (RuntimeException e) {
            throw ApiException.unavailable("RANKINGS_STORE_UNAVAILABLE",
                                           "Redis cannot be reached, so the rankings cannot be rebuilt now");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("state", "REBUILDING");
        answer.put("started", rebuild.start("requested by an operator"));
        return answer;
    }
}
