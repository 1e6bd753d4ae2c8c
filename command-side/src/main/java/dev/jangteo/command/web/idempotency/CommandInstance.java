package dev.jangteo.command.web.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * This process among the command-side instances: a new id at every start, and a heartbeat in
 * {@code command_side.command_instance}. Keys in flight on an instance whose heartbeat stopped (killed, hung, cut off
 * from the database) are taken over by their retries; a restarted process is a new instance, so it never waits for
 * its own previous life.
 */
@Component
class CommandInstance {

    private static final Logger log = LoggerFactory.getLogger(CommandInstance.class);

    private final UUID id = UUID.randomUUID();
    private final JdbcTemplate jdbc;

    CommandInstance(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    UUID id() {
        return id;
    }

    @Scheduled(fixedDelayString = "${jangteo.idempotency.heartbeat-interval:1s}")
    void heartbeat() {
        try {
            jdbc.update("INSERT INTO command_side.command_instance (instance_id) VALUES (?)"
                                + " ON CONFLICT (instance_id) DO UPDATE SET heartbeat_at = now()", id);
        } catch (DataAccessException unavailable) {
            // Retried at the next beat; meanwhile other instances may take over this one's keys, which the
            // attempt fence makes safe.
            log.warn("Cannot record this instance's heartbeat: {}", unavailable.toString());
        }
    }

    /** Instances silent for a day are long gone; every instance prunes, which is harmless. */
    @Scheduled(fixedDelayString = "${jangteo.idempotency.cleanup-interval:10m}",
               initialDelayString = "${jangteo.idempotency.cleanup-interval:10m}")
    void forgetDeadInstances() {
        jdbc.update("DELETE FROM command_side.command_instance WHERE heartbeat_at < now() - interval '1 day'");
    }
}
