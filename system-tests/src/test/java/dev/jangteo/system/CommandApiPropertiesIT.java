package dev.jangteo.system;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.jangteo.system.CommandEndpoints.Endpoint;
import dev.jangteo.system.CommandEndpoints.Field;
import dev.jangteo.system.CommandEndpoints.Fixture;
import dev.jangteo.testkit.JsonHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Property: whatever a client sends to any command endpoint (fields missing, of any JSON type, any string including
 * control characters, lone surrogates, injection strings and overlong ones, numbers past every bound, unknown fields,
 * garbage instead of JSON, hostile ids in the path), the answer is never a server error, and every refusal is a
 * problem+json with a code. QuickTheories generates the requests and shrinks a failing one; the seed is printed with
 * a failure, so it can be replayed with {@code -DQT_SEED=...}.
 */
class CommandApiPropertiesIT {

    private static final int EXAMPLES = 1_000;
    private static final String NUMBER = "@number:";
    private static final ObjectWriter ESCAPING = JsonHttp.JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    @RegisterExtension
    static final StackExtension stack = new StackExtension("properties", 1, "--jangteo.rate-limits.enabled=false");

    private static Fixture fixture;
    private static List<Endpoint> endpoints;

    /** A request as generated: which endpoint, what replaces its first path id (null: keep it), and the raw body. */
    record Request(Endpoint endpoint, String pathId, String body) {

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
            return endpoint + (pathId == null ? "" : " id=" + pathId) + " " + shown;
        }
    }

    @BeforeAll
    static void createWhatTheRequestsPointAt() {
        fixture = CommandEndpoints.createFixture(stack.command(), "prop");
        endpoints = CommandEndpoints.all(fixture);
    }

    @Test
    void neverAnswersAnyRequestWithAServerError() {
        qt().withExamples(EXAMPLES)
            .withShrinkCycles(30)
            .forAll(requests())
            .checkAssert(request -> {
                Wire.Reply reply = send(request);
                assertThat(reply.status()).as("%s -> %s", request, reply).isLessThan(500);
                if (reply.status() >= 400) {
                    assertThat(reply.isProblem()).as("%s -> %s", request, reply).isTrue();
                }
            });
    }

    private static Wire.Reply send(Request request) {
        String path = request.endpoint().path();
        if (request.pathId() != null) {
            String segment = URLEncoder.encode(request.pathId(), StandardCharsets.UTF_8).replace("+", "%20");
            path = path.replace(firstId(path), segment);
        }
        Wire.Call call = Wire.request(request.endpoint().method(), stack.command().resolve(path));
        if (request.body() != null) {
            call.json(request.body());
        }
        return call.send();
    }

    /** The first id in a path: what follows the collection name. */
    private static String firstId(String path) {
        String[] parts = path.split("/");
        return parts.length > 3 ? parts[3].split("\\?")[0] : "\u0000never";
    }

    private static Gen<Request> requests() {
        return integers().between(0, endpoints.size() - 1).flatMap(index -> requestTo(endpoints.get(index)));
    }

    private static Gen<Request> requestTo(Endpoint endpoint) {
        Gen<String> pathId = Generate.frequency(List.of(
                Pair.of(4, Generate.constant((String) null)),
                Pair.of(1, text())));
        Gen<String> body = Generate.frequency(List.of(
                Pair.of(8, fields(endpoint).map(CommandApiPropertiesIT::json)),
                Pair.of(1, text()),
                Pair.of(1, jsonValue(2).map(CommandApiPropertiesIT::json))));
        return pathId.zip(body, (id, json) -> new Request(endpoint, id, json));
    }

    /** An object with each of the endpoint's fields left out, valid, or anything at all; sometimes one unknown. */
    private static Gen<Map<String, Object>> fields(Endpoint endpoint) {
        Gen<Map<String, Object>> body = Generate.constant(LinkedHashMap::new);
        for (Field field : endpoint.fields()) {
            Gen<Object> value = Generate.frequency(List.of(
                    Pair.of(3, Generate.constant(field.valid())),
                    Pair.of(1, Generate.constant(Omitted.INSTANCE)),
                    Pair.of(3, jsonValue(2))));
            body = body.zip(value, (map, chosen) -> {
                Map<String, Object> next = new LinkedHashMap<>(map);
                if (chosen != Omitted.INSTANCE) {
                    next.put(field.name(), chosen);
                }
                return next;
            });
        }
        Gen<Object> extra = Generate.frequency(List.of(
                Pair.of(6, Generate.constant(Omitted.INSTANCE)),
                Pair.of(1, jsonValue(1))));
        return body.zip(extra, text(), (map, value, name) -> {
            if (value == Omitted.INSTANCE) {
                return map;
            }
            Map<String, Object> next = new LinkedHashMap<>(map);
            next.put(name, value);
            return next;
        });
    }

    private enum Omitted { INSTANCE }

    private static Gen<Object> jsonValue(int depth) {
        Gen<Object> scalar = Generate.frequency(List.of(
                Pair.of(4, text().map(s -> (Object) s)),
                Pair.of(2, longs().all().map(n -> (Object) n)),
                Pair.of(2, Generate.pick(List.of("-1", "0", "1", "1e400", "-1e400", "1.5", "-0",
                                                                  "1" + "0".repeat(40), "9223372036854775808",
                                                                  "2147483648", "1E2", "0.0000001"))
                                                     .map(n -> (Object) (NUMBER + n))),
                Pair.of(1, booleans().all().map(b -> (Object) b)),
                Pair.of(1, Generate.constant(() -> (Object) null))));
        if (depth == 0) {
            return scalar;
        }
        Gen<Object> list = integers().between(0, 3).flatMap(size -> listOf(jsonValue(depth - 1), size));
        Gen<Object> object = integers().between(0, 3).flatMap(size -> objectOf(jsonValue(depth - 1), size));
        return Generate.frequency(List.of(Pair.of(6, scalar),
                                     Pair.of(1, list),
                                     Pair.of(1, object)));
    }

    private static Gen<Object> listOf(Gen<Object> element, int size) {
        Gen<List<Object>> list = Generate.constant(ArrayList::new);
        for (int i = 0; i < size; i++) {
            list = list.zip(element, (values, value) -> {
                List<Object> next = new ArrayList<>(values);
                next.add(value);
                return next;
            });
        }
        return list.map(values -> (Object) values);
    }

    private static Gen<Object> objectOf(Gen<Object> element, int size) {
        Gen<Map<String, Object>> map = Generate.constant(LinkedHashMap::new);
        for (int i = 0; i < size; i++) {
            map = map.zip(text(), element, (values, key, value) -> {
                Map<String, Object> next = new LinkedHashMap<>(values);
                next.put(key, value);
                return next;
            });
        }
        return map.map(values -> (Object) values);
    }

    /** Plain words, any code points (controls and lone surrogates included), hostile strings, overlong ones. */
    private static Gen<String> text() {
        List<String> hostile = new ArrayList<>(HostileInputIT.INJECTIONS);
        hostile.addAll(HostileInputIT.ODD_UNICODE);
        hostile.addAll(List.of("", " ", "\u0000", "\uD800", "a\uDC00", "FIXED", "PERCENT", "2026-01-01T00:00:00Z",
                               fixtureIdOrEmpty()));
        return Generate.frequency(List.of(
                Pair.of(4, strings().basicLatinAlphabet().ofLengthBetween(0, 12)),
                Pair.of(3, strings().allPossible().ofLengthBetween(0, 20)),
                Pair.of(3, Generate.pick(hostile)),
                Pair.of(1, integers().between(60, 5_000).map("x"::repeat))));
    }

    private static String fixtureIdOrEmpty() {
        return fixture == null ? "" : fixture.userId();
    }

    private static String json(Object value) {
        try {
            return ESCAPING.writeValueAsString(value).replaceAll("\"" + NUMBER + "([^\"]*)\"", "$1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
