package dev.jangteo.query.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import dev.jangteo.platform.security.ActingUser;
import dev.jangteo.platform.web.ApiException;
import dev.jangteo.platform.web.ProblemCodes;
import dev.jangteo.query.chat.ChatReads;
import dev.jangteo.query.consistency.ConsistentRead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;

@RestController
class SearchController {

    private static final Logger log = LoggerFactory.getLogger(SearchController.class);
    static final String UNAVAILABLE = "SEARCH_UNAVAILABLE";
    static final int MIN_QUERY_LENGTH = 2;
    static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_LIMIT = 100;
    /** Elasticsearch's index.max_result_window. */
    static final int MAX_WINDOW = 10_000;

    private final MessageSearch search;
    private final ChatReads chat;

    SearchController(MessageSearch search, ChatReads chat) {
        this.search = search;
        this.chat = chat;
    }

    @ProblemCodes({"SEARCH_UNAVAILABLE", "SEARCH_REBUILDING"})
    @GetMapping("/api/messages/search")
    @ConsistentRead(MessageSearchProjection.GROUP)
    MessageSearch.Page search(@RequestParam(required = false) String q,
                              @RequestParam(required = false) String userId,
                              @RequestParam(required = false) String roomId,
                              @RequestParam(required = false) String groupId,
                              @RequestParam(defaultValue = "20") int limit,
                              @RequestParam(defaultValue = "0") int offset) {
        String text = q == null ? "" : q.strip();
        if (text.length() < MIN_QUERY_LENGTH || text.length() > MAX_QUERY_LENGTH) {
            throw ApiException.invalid("q must be " + MIN_QUERY_LENGTH + " to " + MAX_QUERY_LENGTH + " characters");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0 || offset + limit > MAX_WINDOW) {
            throw ApiException.invalid("offset must be at least 0 and offset + limit at most " + MAX_WINDOW);
        }
        // Search sees the rooms the token's user is in now; userId, when given, must be that user.
        List<String> rooms = chat.activeRoomIds(ActingUser.self(userId)).stream()
                                 .filter(room -> roomId == null || room.equals(roomId))
                                 .toList();
        if (rooms.isEmpty()) {
            return MessageSearch.Page.empty();
        }
        try {
            return search.search(new MessageSearch.Criteria(text, rooms, blankToNull(groupId), limit, offset));
        } catch (IOException e) {
            throw unavailable(e);
        } catch (ElasticsearchException e) {
            if (e.status() == 429 || e.status() >= 500 || e.status() == 404) {
                throw unavailable(e);
            }
            throw e;
        }
    }

    private static ApiException unavailable(Exception cause) {
        log.warn("Search unavailable: {}", cause.toString());
        return ApiException.unavailable(UNAVAILABLE, "Search is unavailable right now; everything else works. "
                + "Retry later.");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
