package dev.jangteo.query.config;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Shares the segments of every processing group among the query-side instances on one database. Axon's processors
 * claim whatever segment is unclaimed, so the instance that starts first takes them all and keeps them; and a
 * processor that is reset needs every segment of its group in one transaction. Each instance therefore says every
 * {@code interval} that it is alive ({@code query_side.processing_node}) and:
 * <ul>
 *     <li>holds at most its share of each group: the group's segments divided by the live instances, rounded up.
 *     What it holds beyond that it releases, and another instance claims it ({@code tokenClaimInterval}, 5 s). An
 *     instance that stopped saying so is no longer counted after {@code node-timeout}, so the survivors' share grows
 *     and they claim the dead one's segments once its claims have timed out (the token store's claim timeout);</li>
 *     <li>lets go of every segment of a group that another live instance asked to have whole
 *     ({@link #takeAll}, {@code query_side.segment_handover}) and claims none of them while the request stands.</li>
 * </ul>
 * The owner of a claim in the token table and the node here are the same name, {@code <pid>@<host>}.
 */
@Component
public class SegmentBalancer extends PeriodicCheck {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final BalanceProperties properties;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    SegmentBalancer(EventProcessingConfiguration processing, JdbcClient jdbc, BalanceProperties properties) {
        super("segment-balancer", Duration.ZERO, properties.interval());
        this.processing = processing;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** This instance as the token store names the owner of a claim. */
    public String node() {
        return node;
    }

    @Override
    protected void check() {
        jdbc.sql("INSERT INTO query_side.processing_node (node, seen_at) VALUES (?, now()) "
                         + "ON CONFLICT (node) DO UPDATE SET seen_at = now()")
            .param(node).update();
        jdbc.sql("DELETE FROM query_side.processing_node WHERE seen_at < now() - CAST(? AS float8) * interval '1 millisecond'")
            .param(properties.nodeTimeout().toMillis()).update();
        jdbc.sql("UPDATE query_side.segment_handover SET expires_at = now() + CAST(? AS float8) * interval '1 millisecond' WHERE node = ?")
            .param(properties.handoverTimeout().toMillis()).param(node).update();
        int live = Math.max(1, jdbc.sql("SELECT count(*) FROM query_side.processing_node").query(Integer.class)
                                   .single());
        Map<String, String> handovers = handovers();
        Map<String, Integer> segments = segmentCounts();
        for (StreamingEventProcessor processor : processors()) {
            String name = processor.getName();
            String requester = handovers.get(name);
            if (requester != null && !requester.equals(node)) {
                letGo(processor, segments.getOrDefault(name, 0));
            } else if (requester == null && processor.isRunning()) {
                keepShare(processor, segments.getOrDefault(name, 0), live);
            }
        }
    }

    /**
     * Asks every other instance to let go of {@code processor}'s segments and waits, at most
     * {@code handover-wait}, until none holds one; answers false when another instance asked first and still holds
     * the request. Call {@link #release} when done.
     */
    public boolean takeAll(StreamingEventProcessor processor) {
        String name = processor.getName();
        int granted = jdbc.sql("""
                               INSERT INTO query_side.segment_handover AS h (processor_name, node, expires_at)
                               VALUES (:name, :node, now() + CAST(:timeout AS float8) * interval '1 millisecond')
                               ON CONFLICT (processor_name) DO UPDATE
                               SET node = EXCLUDED.node, expires_at = EXCLUDED.expires_at
                               WHERE h.node = EXCLUDED.node OR h.expires_at < now()
                               """)
                          .param("name", name).param("node", node)
                          .param("timeout", properties.handoverTimeout().toMillis())
                          .update();
        if (granted == 0) {
            return false;
        }
        long deadline = System.nanoTime() + properties.handoverWait().toNanos();
        while (heldElsewhere(name) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return true;
    }

    /** Ends this instance's request for {@code processor}'s segments: the others claim their share again. */
    public void release(StreamingEventProcessor processor) {
        jdbc.sql("DELETE FROM query_side.segment_handover WHERE processor_name = ? AND node = ?")
            .param(processor.getName()).param(node).update();
    }

    /** A stopping instance no longer counts at once, so the others' share grows without waiting for its silence. */
    @Override
    public void stop() {
        super.stop();
        try {
            jdbc.sql("DELETE FROM query_side.processing_node WHERE node = ?").param(node).update();
        } catch (RuntimeException e) {
            log.debug("Could not sign off (database down?); the others notice the silence instead: {}", e.toString());
        }
    }

    @Override
    protected void failed(Exception e) {
        log.debug("Segment balance check failed (database down?): {}", e.toString());
    }

    private void letGo(StreamingEventProcessor processor, int segmentCount) {
        // Released for two intervals at a time and renewed while the request stands: once it is gone, this
        // instance claims its share again soon.
        long releaseMillis = 2 * properties.interval().toMillis();
        for (int segment = 0; segment < segmentCount; segment++) {
            processor.releaseSegment(segment, releaseMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void keepShare(StreamingEventProcessor processor, int segmentCount, int live) {
        int share = (segmentCount + live - 1) / live;
        List<Integer> held = processor.processingStatus().keySet().stream().sorted().toList();
        for (int segment : held.subList(Math.min(share, held.size()), held.size())) {
            log.info("Releasing segment {} of {} to another instance ({} live, {} segments)", segment,
                     processor.getName(), live, segmentCount);
            processor.releaseSegment(segment);
        }
    }

    private boolean heldElsewhere(String name) {
        return jdbc.sql("SELECT count(*) FROM query_side.token_entry WHERE processor_name = ? AND owner IS NOT NULL "
                                + "AND owner <> ?")
                   .param(name).param(node).query(Integer.class).single() > 0;
    }

    private Map<String, String> handovers() {
        Map<String, String> handovers = new HashMap<>();
        jdbc.sql("SELECT processor_name, node FROM query_side.segment_handover WHERE expires_at > now()")
            .query(row -> {
                handovers.put(row.getString("processor_name"), row.getString("node"));
            });
        return handovers;
    }

    private Map<String, Integer> segmentCounts() {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT processor_name, count(*) AS segments FROM query_side.token_entry GROUP BY processor_name")
            .query(row -> {
                counts.put(row.getString("processor_name"), row.getInt("segments"));
            });
        return counts;
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                         .filter(StreamingEventProcessor.class::isInstance)
                         .map(StreamingEventProcessor.class::cast)
                         .toList();
    }
}
