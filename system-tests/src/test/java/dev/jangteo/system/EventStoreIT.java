package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.testkit.Answer;
import dev.jangteo.testkit.JsonHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** DESIGN.md's event store rules, checked on the tables the running command side created and wrote. */
class EventStoreIT {

    @RegisterExtension
    static final StackExtension stack = new StackExtension("store", 1);

    @BeforeAll
    static void onlyOnTheEventTable() {
        // Every check here is of the PostgreSQL event table: its columns, sequence, bytes and triggers. Under another
        // store the table stays empty, and what the store holds is checked through the audit API (AuditEveryStoreIT).
        assumeTrue(Stack.eventTableIsTheStore(), "the apps keep their events outside the PostgreSQL event table");
    }

    @Test
    void keepsPayloadAndMetadataAsBytesNeverLargeObjects() throws Exception {
        assertThat(columnType("payload")).isEqualTo("bytea");
        assertThat(columnType("meta_data")).isEqualTo("bytea");
        assertThat(columnType("time_stamp")).isEqualTo("timestamp with time zone");
    }

    @Test
    void numbersEventsFromASequenceWithIncrementOne() throws Exception {
        try (Connection connection = stack.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT increment_by, cache_size FROM pg_sequences
                     WHERE schemaname = 'command_side' AND sequencename = 'domain_event_entry_global_index_seq'""")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(1);
            assertThat(rows.getLong(2)).isEqualTo(1);
        }
    }

    @Test
    void storesReadableJsonWithCorrelationCausationAndActingUser() throws Exception {
        Answer created = Http.post(stack.command().resolve("/api/coupons"), Map.of(
                "name", "Audit", "discountType", "PERCENT", "discountValue", 10, "totalQuantity", 5));
        String couponId = created.body().get("couponId").asText();
        CouponRace.claim(stack.command(), couponId, "auditee");

        List<JsonNode> metadata = stored("meta_data", couponId);

        assertThat(metadata).hasSize(2).allSatisfy(meta -> {
            assertThat(meta.hasNonNull("correlationId")).isTrue();
            assertThat(meta.hasNonNull("causationId")).isTrue();
            assertThat(meta.hasNonNull("actingUser")).isTrue();
        });
        assertThat(metadata.get(1).get("actingUser").asText()).isEqualTo("auditee");
        assertThat(stored("payload", couponId).get(1).get("userId").asText()).isEqualTo("auditee");
    }

    @Test
    void cannotRewriteOrDeleteAnEvent() throws Exception {
        CouponRace.define(stack.command(), 1);
        try (Connection connection = stack.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    "UPDATE command_side.domain_event_entry SET payload_type = 'x'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM command_side.domain_event_entry"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
        }
    }

    private static String columnType(String column) throws SQLException {
        try (Connection connection = stack.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT data_type FROM information_schema.columns WHERE table_schema = 'command_side' "
                             + "AND table_name = 'domain_event_entry' AND column_name = '" + column + "'")) {
            assertThat(rows.next()).as("column %s exists", column).isTrue();
            return rows.getString(1);
        }
    }

    /** The column {@code column} of the aggregate's rows, as stored, in sequence order. */
    private static List<JsonNode> stored(String column, String aggregateId) throws Exception {
        try (Connection connection = stack.connect();
             var statement = connection.prepareStatement(
                     "SELECT convert_from(" + column + ", 'UTF8') FROM command_side.domain_event_entry "
                             + "WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            statement.setString(1, aggregateId);
            List<JsonNode> values = new java.util.ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(JsonHttp.JSON.readTree(rows.getString(1)));
                }
            }
            return values;
        }
    }
}
