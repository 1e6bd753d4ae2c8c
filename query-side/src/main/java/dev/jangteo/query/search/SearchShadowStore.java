package dev.jangteo.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.ScrollResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import dev.jangteo.query.readmodel.Shadow;
import dev.jangteo.query.readmodel.ShadowStore;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The message index as a verified replay sees it: the shadow copy is an index of its own with the same definition
 * (no alias), which the projection writes while a unit of work carries a {@link Shadow}. The comparison reads every
 * document of both (source and external version, which is the event sequence) and matches them by id.
 */
@Component
class SearchShadowStore implements ShadowStore {

    private static final int PAGE = 1_000;
    private static final String KEEP_ALIVE = "2m";

    private final ElasticsearchClient client;
    private final MessageIndex index;

    SearchShadowStore(ElasticsearchClient client, MessageIndex index) {
        this.client = client;
        this.index = index;
    }

    @Override
    public String group() {
        return MessageSearchProjection.GROUP;
    }

    @Override
    public void prepare(Shadow shadow) throws IOException {
        index.createIndex(index.shadowIndex(shadow));
    }

    @Override
    public Comparison compare(Shadow shadow, int limit) throws IOException {
        String live = index.writeIndex();
        String replayed = index.shadowIndex(shadow);
        client.indices().refresh(refresh -> refresh.index(live, replayed));
        return Comparison.of(live, documents(live), documents(replayed), limit);
    }

    @Override
    public void discard(Shadow shadow) throws IOException {
        index.deleteIndex(index.shadowIndex(shadow));
    }

    /** A document with its external version (the sequence of the event that last wrote it). */
    private record Versioned(MessageDocument document, Long version) {
    }

    private Map<String, Versioned> documents(String name) throws IOException {
        Map<String, Versioned> documents = new HashMap<>();
        SearchResponse<MessageDocument> first = client.search(search -> search
                .index(name).size(PAGE).version(true).scroll(time -> time.time(KEEP_ALIVE)), MessageDocument.class);
        String scrollId = first.scrollId();
        ResponseBody<MessageDocument> page = first;
        try {
            while (!page.hits().hits().isEmpty()) {
                for (Hit<MessageDocument> hit : page.hits().hits()) {
                    documents.put(hit.id(), new Versioned(hit.source(), hit.version()));
                }
                String current = Objects.requireNonNull(scrollId);
                ScrollResponse<MessageDocument> next = client.scroll(scroll -> scroll
                        .scrollId(current).scroll(time -> time.time(KEEP_ALIVE)), MessageDocument.class);
                scrollId = next.scrollId();
                page = next;
            }
        } finally {
            if (scrollId != null) {
                String last = scrollId;
                client.clearScroll(clear -> clear.scrollId(last));
            }
        }
        return documents;
    }
}
