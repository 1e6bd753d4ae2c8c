package dev.jangteo.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.Alias;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jangteo.query.consistency.StoredTokens;
import dev.jangteo.query.readmodel.Shadow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The message index behind two aliases: searches read {@code <prefix>messages}, the projection writes
 * {@code <prefix>messages-write}. Normally both point at one index. A rebuild (the projection's reset) creates a
 * new index from {@code elasticsearch/index/messages.json} and moves only the write alias, so searches keep
 * answering from the old index, which meanwhile still receives live changes; once the replay has caught up the read
 * alias moves too and the old index is deleted. Where the aliases point is kept in Elasticsearch itself, so a
 * restart in the middle of a rebuild carries on.
 * <p>
 * An index that vanished with both its aliases (Elasticsearch restarted empty, or someone deleted it) is not
 * quietly created anew and empty when the projection had already indexed events: the {@link Targets} say it is
 * lost, {@link IndexSwitcher} replays the group into a new index behind the write alias only, and searches answer
 * 503 SEARCH_REBUILDING until the replay has caught up and the read alias moves to it.
 */
@Component
public class MessageIndex {

    private static final Logger log = LoggerFactory.getLogger(MessageIndex.class);
    static final String DEFINITION = "elasticsearch/index/messages.json";

    /**
     * Where the aliases point: {@code live} answers searches, {@code build} receives every write. {@code live} is
     * null while a lost index is rebuilt; both are null when it is lost and its rebuild has not started.
     */
    record Targets(String live, String build) {

        boolean rebuilding() {
            return build != null && !build.equals(live);
        }

        boolean lost() {
            return build == null;
        }

        boolean searchable() {
            return live != null;
        }
    }

    private final ElasticsearchClient client;
    private final StoredTokens tokens;
    private final String prefix;
    private final String readAlias;
    private final String writeAlias;
    private final byte[] definition;
    /** The definition with refreshes off, for an index that a replay fills. */
    private final byte[] unrefreshed;
    private final int version;
    private final String refreshInterval;
    private volatile Targets targets;

    MessageIndex(ElasticsearchClient client, StoredTokens tokens, SearchProperties properties) {
        this.client = client;
        this.tokens = tokens;
        this.prefix = properties.indexPrefix().toLowerCase(Locale.ROOT);
        this.readAlias = prefix + "messages";
        this.writeAlias = prefix + "messages-write";
        try (InputStream in = new ClassPathResource(DEFINITION).getInputStream()) {
            this.definition = in.readAllBytes();
            ObjectMapper json = new ObjectMapper();
            JsonNode parsed = json.readTree(definition);
            this.version = parsed.path("mappings").path("_meta").path("version").asInt(1);
            this.refreshInterval = parsed.path("settings").path("refresh_interval").asText("1s");
            ObjectNode replayed = parsed.deepCopy();
            replayed.withObject("/settings").put("refresh_interval", "-1");
            this.unrefreshed = json.writeValueAsBytes(replayed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEFINITION, e);
        }
    }

    public String readAlias() {
        return readAlias;
    }

    String writeAlias() {
        return writeAlias;
    }

    /** Where the aliases point, creating index and aliases when there are none yet. */
    synchronized Targets targets() throws IOException {
        if (targets == null) {
            targets = discover();
        }
        return targets;
    }

    /** Forgets what it knew, so that the next {@link #targets()} asks Elasticsearch (another instance may have moved an alias). */
    synchronized void forget() {
        targets = null;
    }

    /** A new, empty index that takes every write from now on; searches stay on the live index. */
    synchronized void startRebuild() throws IOException {
        Targets current = aliases();
        String fresh = newIndexName();
        // No refreshes while the replay fills it: nobody searches it yet, and refreshing every second would cost
        // the replay a good part of its speed. completeRebuild() restores the definition's interval.
        createIndex(fresh);
        client.indices().updateAliases(update -> {
            if (current.build() != null) {
                update.actions(action -> action.remove(remove -> remove.index(current.build()).alias(writeAlias)));
            }
            return update.actions(action -> action.add(add -> add.index(fresh).alias(writeAlias)));
        });
        if (current.rebuilding()) {
            client.indices().delete(delete -> delete.index(current.build()));
            log.info("Abandoned the unfinished rebuild into {}", current.build());
        }
        targets = new Targets(current.live(), fresh);
        log.info("Rebuilding the message index into {}; until the replay has caught up searches {}", fresh,
                 current.live() == null ? "answer 503 (the index was lost)" : "stay on " + current.live());
    }

    /** Moves searches to the rebuilt index and deletes the old one; false when no rebuild is going on. */
    synchronized boolean completeRebuild() throws IOException {
        Targets current = aliases();
        if (!current.rebuilding()) {
            targets = null;
            return false;
        }
        client.indices().putSettings(put -> put.index(current.build())
                                                .settings(settings -> settings.refreshInterval(
                                                        time -> time.time(refreshInterval))));
        client.indices().refresh(refresh -> refresh.index(current.build()));
        client.indices().updateAliases(update -> {
            if (current.live() != null) {
                update.actions(action -> action.remove(remove -> remove.index(current.live()).alias(readAlias)));
            }
            return update.actions(action -> action.add(add -> add.index(current.build()).alias(readAlias)));
        });
        if (current.live() != null) {
            client.indices().delete(delete -> delete.index(current.live()));
        }
        targets = new Targets(current.build(), current.build());
        log.info("Searches now read the rebuilt index {}; the one before it ({}) is deleted", current.build(),
                 current.live() == null ? "lost" : current.live());
        return true;
    }

    /** Where the aliases point now, creating nothing. */
    private Targets aliases() throws IOException {
        return new Targets(indexBehind(readAlias).orElse(null), indexBehind(writeAlias).orElse(null));
    }

    /**
     * Whether the projection has a token, that is, has looked at events before: then an index that is not there was
     * lost, and a new empty one would answer "nothing found" for every message before now. A first start over an
     * existing history counts too (its token starts at the tail): it fills the index the same way, and searches
     * answer 503 rather than part of the messages until it is full.
     */
    private boolean indexedBefore() {
        return tokens.of(MessageSearchProjection.GROUP).values().stream().anyMatch(Objects::nonNull);
    }

    private Targets discover() throws IOException {
        Optional<String> live = indexBehind(readAlias);
        if (live.isEmpty()) {
            Optional<String> build = indexBehind(writeAlias);
            if (build.isPresent()) {
                return new Targets(null, build.get());
            }
            if (indexedBefore()) {
                log.warn("The message index behind {} is gone although the {} group indexed events before; "
                                 + "searches answer 503 until it is rebuilt", readAlias, MessageSearchProjection.GROUP);
                return new Targets(null, null);
            }
            String name = newIndexName();
            client.indices().create(create -> create.index(name)
                                                    .withJson(new ByteArrayInputStream(definition))
                                                    .aliases(readAlias, Alias.of(alias -> alias))
                                                    .aliases(writeAlias, Alias.of(alias -> alias)));
            log.info("Created the message index {} behind {} and {}", name, readAlias, writeAlias);
            return new Targets(name, name);
        }
        Optional<String> build = indexBehind(writeAlias);
        if (build.isEmpty()) {
            client.indices().updateAliases(update -> update.actions(
                    action -> action.add(add -> add.index(live.get()).alias(writeAlias))));
            build = live;
        }
        if (!build.get().startsWith(prefix + "messages-v" + version + "-")) {
            log.warn("The message index {} predates definition version {}: replay the message-search processor "
                             + "to rebuild it", build.get(), version);
        }
        return new Targets(live.get(), build.get());
    }

    private Optional<String> indexBehind(String alias) throws IOException {
        try {
            return client.indices().getAlias(get -> get.name(alias)).result().keySet().stream().findFirst();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The name of the index a verified replay fills ({@link SearchShadowStore}). */
    String shadowIndex(Shadow shadow) {
        return prefix + "shadow-" + shadow.name().replace('_', '-');
    }

    /** The index that receives the projection's writes now (the rebuilt one during a rebuild; null when lost). */
    String writeIndex() throws IOException {
        return targets().build();
    }

    /** An empty index with the definition's settings and mappings and no alias. */
    void createIndex(String name) throws IOException {
        client.indices().create(create -> create.index(name).withJson(new ByteArrayInputStream(unrefreshed)));
    }

    void deleteIndex(String name) throws IOException {
        client.indices().delete(delete -> delete.index(name).ignoreUnavailable(true));
    }

    private String newIndexName() {
        return prefix + "messages-v" + version + "-" + System.currentTimeMillis();
    }
}
