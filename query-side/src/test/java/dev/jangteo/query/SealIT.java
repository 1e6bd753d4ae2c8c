package dev.jangteo.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.api.chat.MemberJoinedEvent;
import dev.jangteo.api.chat.RoomCreatedEvent;
import dev.jangteo.query.support.Ids;
import dev.jangteo.query.support.QuerySideStack;
import dev.jangteo.query.support.RawEvents;
import dev.jangteo.testkit.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;

import static dev.jangteo.testkit.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The seal chain follows the store in global order, waits for transactions in flight and passes rolled-back gaps. */
class SealIT extends QuerySideStack {

    @Autowired
    private DataSource dataSource;

    @Test
    void canVerifyEverySealedEvent() {
        String room = Ids.of("room");
        long last = history.append("Room", room, new RoomCreatedEvent(room, "Sealed", null, "kim"),
                                   new MemberJoinedEvent(room, "kim"));
        awaitSealedUpTo(last);

        JsonNode verification = http.get("/api/audit/verify").body();

        assertThat(verification.path("verified").asBoolean()).as("%s", verification).isTrue();
        assertThat(verification.path("lastPosition").asLong()).isEqualTo(last);
        assertThat(verification.path("checked").asLong()).isEqualTo(countEvents());
    }

    @Test
    void canSealPastAPositionThatARolledBackTransactionTook() {
        String room = Ids.of("room");
        history.append("Room", room, new RoomCreatedEvent(room, "Gap", null, "kim"));
        long lost = jdbc.sql("SELECT nextval('command_side.domain_event_entry_global_index_seq')")
                        .query(Long.class).single();
        long last = history.append("Room", room, new MemberJoinedEvent(room, "kim"));

        awaitSealedUpTo(last);

        assertThat(last).isGreaterThan(lost);
        assertThat(jdbc.sql("SELECT count(*) FROM query_side.audit_seal WHERE global_index = ?").param(lost)
                       .query(Long.class).single()).isZero();
        assertThat(http.get("/api/audit/verify").body().path("verified").asBoolean()).isTrue();
    }

    @Test
    void cannotSealPastAnEventWhoseTransactionIsStillOpen() throws Exception {
        String room = Ids.of("room");
        long before = history.append("Room", room, new RoomCreatedEvent(room, "Slow", null, "kim"));
        awaitSealedUpTo(before);
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            JdbcClient inFlight = JdbcClient.create(new SingleConnectionDataSource(slow, true));
            long slowPosition = RawEvents.insert(inFlight, "Room", Ids.of("room"), 0,
                                                 RoomCreatedEvent.class.getName(), null,
                                                 "{\"roomId\":\"late\",\"name\":\"Late\",\"ownerId\":\"kim\"}");
            long after = history.append("Room", room, new MemberJoinedEvent(room, "kim"));

            // Well past the gap grace (1 s): the sealer keeps waiting for the open transaction.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                   .until(() -> sealedPosition() == before);

            slow.commit();
            awaitSealedUpTo(after);
            assertThat(slowPosition).isLessThan(after);
            assertThat(jdbc.sql("SELECT count(*) FROM query_side.audit_seal WHERE global_index = ?")
                           .param(slowPosition).query(Long.class).single()).isEqualTo(1);
        }
        assertThat(http.get("/api/audit/verify").body().path("verified").asBoolean()).isTrue();
    }

    @Test
    void canExportTheFeedAsNdjsonInOrder() {
        String room = Ids.of("room");
        long before = history.lastPosition();
        long last = history.append("Room", room, new RoomCreatedEvent(room, "Export", null, "kim"),
                                   new MemberJoinedEvent(room, "kim"), new MemberJoinedEvent(room, "lee"));

        String export = http.text("/api/audit/events?after=" + before, "application/x-ndjson");

        String[] lines = export.strip().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).contains("\"aggregateId\":\"" + room + "\"").contains("\"sequence\":0");
        assertThat(lines[2]).contains("\"position\":" + last).contains("\"userId\":\"lee\"");
    }

    @Test
    void cannotExportWithAMalformedPosition() {
        Answer refused = http.get("/api/audit/events?after=abc", "Accept", "application/x-ndjson");

        assertProblem(refused, 400, "VALIDATION_FAILED");
    }

    private void awaitSealedUpTo(long position) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sealedPosition() >= position);
    }

    private long sealedPosition() {
        return http.get("/api/audit/seal").body().path("sealedPosition").asLong();
    }

    private long countEvents() {
        return jdbc.sql("SELECT count(*) FROM command_side.domain_event_entry").query(Long.class).single();
    }
}
