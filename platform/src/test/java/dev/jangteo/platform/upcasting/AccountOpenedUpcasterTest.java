package dev.jangteo.platform.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jangteo.api.account.AccountOpenedEvent;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AccountOpenedUpcasterTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();
    private static final String OLD_JSON = "{\"userId\":\"alice\",\"email\":\"alice@example.com\",\"name\":\"Alice\"}";

    /** The upcaster names the event by its stored type, a string; this holds it to the class and its revision. */
    @Test
    void namesTheEventClassAndUpcastsToItsCurrentRevision() {
        assertThat(AccountOpenedUpcaster.TYPE).isEqualTo(AccountOpenedEvent.class.getName());
        assertThat(AccountOpenedUpcaster.NEW_REVISION)
                .isEqualTo(AccountOpenedEvent.class.getAnnotation(Revision.class).value());
    }

    @Test
    void canRenameNameToDisplayNameInAnEventStoredWithoutRevision() {
        IntermediateEventRepresentation upcast = upcast(AccountOpenedUpcaster.TYPE, null, OLD_JSON);

        JsonNode payload = upcast.getData(JsonNode.class).getData();
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(payload.path("displayName").asText()).isEqualTo("Alice");
        assertThat(payload.has("name")).isFalse();
        assertThat(payload.path("userId").asText()).isEqualTo("alice");
        assertThat(payload.path("email").asText()).isEqualTo("alice@example.com");
    }

    @Test
    void canUpcastAnEventStoredAsRevisionOne() {
        IntermediateEventRepresentation upcast = upcast(AccountOpenedUpcaster.TYPE, "1", OLD_JSON);

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(upcast.getData(JsonNode.class).getData().path("displayName").asText()).isEqualTo("Alice");
    }

    @Test
    void cannotChangeAnEventAlreadyInRevisionTwo() {
        String current = "{\"userId\":\"bob\",\"email\":\"bob@example.com\",\"displayName\":\"Bob\"}";

        IntermediateEventRepresentation untouched = upcast(AccountOpenedUpcaster.TYPE, "2", current);

        assertThat(untouched.getType().getRevision()).isEqualTo("2");
        assertThat(untouched.getData(JsonNode.class).getData().path("displayName").asText()).isEqualTo("Bob");
    }

    @Test
    void cannotChangeAnotherEventThatHasANameField() {
        String other = "{\"productId\":\"kimchi\",\"name\":\"Kimchi\"}";

        IntermediateEventRepresentation untouched = upcast("dev.jangteo.api.catalog.ProductRegisteredEvent", null, other);

        assertThat(untouched.getType().getRevision()).isNull();
        assertThat(untouched.getData(JsonNode.class).getData().path("name").asText()).isEqualTo("Kimchi");
    }

    private static IntermediateEventRepresentation upcast(String type, String revision, String json) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                "Account", "alice", 0, "event-1", Instant.parse("2026-11-21T10:15:30Z"), type, revision,
                json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = new AccountOpenedUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, SERIALIZER)))
                .toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }
}
