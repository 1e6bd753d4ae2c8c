package dev.jangteo.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one batch as one bulk request with external versions. A version conflict means the index already holds
 * this or a newer state of the document (a redelivery, or a replay over a rebuilt index): success. Anything that
 * says "try again" (Elasticsearch unreachable, 429, 5xx) fails the batch, so the processor rolls its token back and
 * retries with back-off: no event is ever skipped for an outage. A document Elasticsearch refuses for good (4xx) is
 * a poison: logged and counted in {@code jangteo.search.rejected}, and the batch goes on.
 * <p>
 * Writes name the aliases and require them ({@code require_alias}): a write to an index that has just vanished
 * would otherwise create it anew with guessed mappings. A missing alias fails the batch like an outage, so it waits
 * for the rebuild ({@link IndexSwitcher}) instead of being dropped.
 */
@Component
class SearchWriter {

    private static final Logger log = LoggerFactory.getLogger(SearchWriter.class);
    private static final int CONFLICT = 409;
    private static final int NOT_FOUND = 404;
    private static final String INDEX_NOT_FOUND = "index_not_found_exception";

    private final ElasticsearchClient client;
    private final MessageIndex index;
    private final Counter rejected;

    SearchWriter(ElasticsearchClient client, MessageIndex index, MeterRegistry meters) {
        this.client = client;
        this.index = index;
        this.rejected = Counter.builder("jangteo.search.rejected")
                               .description("Message documents Elasticsearch refused for good")
                               .register(meters);
    }

    void flush(SearchBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            boolean shadow = batch.shadowIndex() != null;
            MessageIndex.Targets targets = shadow ? null : index.targets();
            if (targets != null && targets.lost()) {
                throw new IllegalStateException("The message index is lost; the batch waits for its rebuild");
            }
            String build = shadow ? batch.shadowIndex() : index.writeAlias();
            // While rebuilding, live changes go to the index searches read too (none while a lost index is rebuilt).
            String live = targets != null && targets.rebuilding() && targets.searchable() ? index.readAlias() : null;
            Map<String, MessageDocument> current = currentDocuments(build, batch);
            BulkRequest.Builder bulk = new BulkRequest.Builder().requireAlias(!shadow);
            int operations = 0;
            for (SearchBatch.Change change : batch.changes()) {
                SearchBatch.Change resolved = resolve(change, current);
                if (resolved == null) {
                    continue;
                }
                operations += add(bulk, build, resolved);
                if (live != null && resolved.live()) {
                    operations += add(bulk, live, resolved);
                }
            }
            if (operations > 0) {
                check(client.bulk(bulk.build()));
            }
        } catch (IOException e) {
            index.forget();
            throw new UncheckedIOException("Elasticsearch unreachable; the batch will be retried", e);
        }
    }

    /** Edits of documents this batch has not seen are applied to the indexed document; gone (deleted) means skip. */
    private static SearchBatch.Change resolve(SearchBatch.Change change, Map<String, MessageDocument> current) {
        if (change instanceof SearchBatch.Edit edit) {
            MessageDocument document = current.get(edit.id());
            return document == null ? null
                                    : new SearchBatch.Put(document.edited(edit.text(), edit.editedAt()),
                                                          edit.version(), edit.live());
        }
        return change;
    }

    private Map<String, MessageDocument> currentDocuments(String target, SearchBatch batch) throws IOException {
        List<String> ids = batch.changes().stream()
                                .filter(SearchBatch.Edit.class::isInstance)
                                .map(SearchBatch.Change::id)
                                .toList();
        Map<String, MessageDocument> documents = new HashMap<>();
        if (ids.isEmpty()) {
            return documents;
        }
        for (MultiGetResponseItem<MessageDocument> item
                : client.mget(get -> get.index(target).ids(ids), MessageDocument.class).docs()) {
            if (item.isResult() && item.result().found()) {
                documents.put(item.result().id(), item.result().source());
            }
        }
        return documents;
    }

    private static int add(BulkRequest.Builder bulk, String target, SearchBatch.Change change) {
        switch (change) {
            case SearchBatch.Put put -> bulk.operations(operation -> operation.index(write -> write
                    .index(target).id(put.id()).document(put.document())
                    .version(put.version()).versionType(VersionType.External)));
            case SearchBatch.Remove remove -> bulk.operations(operation -> operation.delete(delete -> delete
                    .index(target).id(remove.id())
                    .version(remove.version()).versionType(VersionType.External)));
            case SearchBatch.Edit edit -> throw new IllegalStateException("unresolved edit of " + edit.id());
        }
        return 1;
    }

    private void check(BulkResponse response) {
        if (!response.errors()) {
            return;
        }
        List<BulkResponseItem> retry = new ArrayList<>();
        for (BulkResponseItem item : response.items()) {
            boolean indexGone = item.error() != null && INDEX_NOT_FOUND.equals(item.error().type());
            if (!indexGone && (item.error() == null || item.status() == CONFLICT || item.status() == NOT_FOUND)) {
                continue;
            }
            if (indexGone || item.status() == 429 || item.status() >= 500) {
                retry.add(item);
            } else {
                rejected.increment();
                log.error("Elasticsearch refused message document {} in {}: {} {}", item.id(), item.index(),
                          item.status(), item.error().reason());
            }
        }
        if (!retry.isEmpty()) {
            index.forget();
            BulkResponseItem first = retry.getFirst();
            throw new IllegalStateException("Elasticsearch could not take " + retry.size() + " operations now ("
                                                    + first.status() + " " + first.error().reason()
                                                    + "); the batch will be retried");
        }
    }
}
