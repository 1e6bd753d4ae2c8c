package dev.jangteo.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.jangteo.platform.web.ApiException;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Full-text search over the messages of the rooms a user may see. The caller passes those rooms (taken from
 * PostgreSQL at query time), so leaving or joining a room changes what a search sees at once, without touching a
 * single document. The text is matched in three analyses at once (Korean morphology, English stemming, and the
 * standard analyzer for mixed script); every query term must occur in one of them. Relevance first, then newest.
 * <p>
 * There is no second source to fall back on while the index is rebuilt after a loss: PostgreSQL holds the
 * messages, but not their Korean and English analyses, so it would match and rank differently, and its answer
 * would look like the right one. Such a search answers 503 SEARCH_REBUILDING with Retry-After instead.
 */
@Service
class MessageSearch {

    private static final List<String> FIELDS = List.of("text^2", "text.en", "text.std");
    /** Korean and English analyses cover what a match looks like; the standard one adds little to highlight. */
    private static final List<String> HIGHLIGHTED = List.of("text", "text.en");
    /**
     * Totals are counted exactly up to the deepest reachable page ({@code offset + limit <= 10,000}); past that,
     * counting every match of a common word in millions of messages would cost more than the search itself, and
     * the answer says 10,000 (hasMore stays right).
     */
    static final int TOTAL_LIMIT = 10_000;
    static final String REBUILDING = "SEARCH_REBUILDING";
    private static final int NOT_FOUND = 404;

    private final ElasticsearchClient client;
    private final MessageIndex index;

    MessageSearch(ElasticsearchClient client, MessageIndex index) {
        this.client = client;
        this.index = index;
    }

    record Criteria(String q, List<String> roomIds, String groupId, int limit, int offset) {
    }

    record Found(String messageId, String roomId, String groupId, String senderId, String text, String highlight,
                 Instant createdAt, double score) {
    }

    record Page(List<Found> data, long total, boolean hasMore) {

        static Page empty() {
            return new Page(List.of(), 0, false);
        }
    }

    /**
     * @throws ApiException 503 SEARCH_REBUILDING while the index is rebuilt after Elasticsearch lost it: an answer
     *                      from it would miss messages and look complete
     */
    Page search(Criteria criteria) throws IOException {
        if (!index.targets().searchable()) {
            throw rebuilding();
        }
        try {
            return find(criteria);
        } catch (ElasticsearchException e) {
            if (e.status() == NOT_FOUND) {
                // The index went away since the last look: find out what is left before the next search.
                index.forget();
                throw rebuilding();
            }
            throw e;
        }
    }

    private static ApiException rebuilding() {
        return ApiException.unavailable(REBUILDING, "The message index is being rebuilt from the events after "
                + "Elasticsearch lost it; until it holds every message a search would miss some. Retry later.");
    }

    private Page find(Criteria criteria) throws IOException {
        Query rooms = Query.of(q -> q.terms(t -> t.field("roomId").terms(v -> v.value(
                criteria.roomIds().stream().map(FieldValue::of).toList()))));
        List<Query> filters = new ArrayList<>(List.of(rooms));
        if (criteria.groupId() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("groupId").value(criteria.groupId()))));
        }
        SearchResponse<MessageDocument> response = client.search(search -> search
                .index(index.readAlias())
                .query(q -> q.bool(b -> b
                        .must(m -> m.multiMatch(mm -> mm.query(criteria.q()).fields(FIELDS)
                                                        .type(TextQueryType.BestFields).tieBreaker(0.3)
                                                        .operator(Operator.And)))
                        .filter(filters)))
                .sort(s -> s.score(score -> score.order(SortOrder.Desc)))
                .sort(s -> s.field(f -> f.field("createdAt").order(SortOrder.Desc)))
                .from(criteria.offset())
                .size(criteria.limit())
                .trackTotalHits(t -> t.count(TOTAL_LIMIT))
                .trackScores(true)
                .highlight(h -> h.preTags("<em>").postTags("</em>").requireFieldMatch(false)
                                 .fields("text", f -> f.numberOfFragments(1).fragmentSize(150))
                                 .fields("text.en", f -> f.numberOfFragments(1).fragmentSize(150))),
                MessageDocument.class);
        List<Found> data = response.hits().hits().stream().map(MessageSearch::found).toList();
        long total = response.hits().total() == null ? data.size() : response.hits().total().value();
        return new Page(data, total, criteria.offset() + data.size() < total);
    }

    private static Found found(Hit<MessageDocument> hit) {
        MessageDocument document = hit.source();
        String highlight = HIGHLIGHTED.stream()
                                 .map(field -> hit.highlight().get(field))
                                 .filter(fragments -> fragments != null && !fragments.isEmpty())
                                 .map(List::getFirst)
                                 .findFirst()
                                 .orElse(document.text());
        return new Found(document.messageId(), document.roomId(), document.groupId(), document.senderId(),
                         document.text(), highlight, document.createdAt(), hit.score() == null ? 0 : hit.score());
    }
}
