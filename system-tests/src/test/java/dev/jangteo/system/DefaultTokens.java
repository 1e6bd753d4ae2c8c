package dev.jangteo.system;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token a test request goes out with when the test does not name one: the token of whoever the request says is
 * acting, derived the way the apps check it. A command naming a user ({@code userId}, {@code ownerId},
 * {@code senderId} in the body or the query, or a user id in the path) goes with that user's CLIENT token; an order
 * goes with its owner's (remembered from the 202 that accepted it), a room's messages with its owner's; catalog and coupon management with an ADMIN token,
 * {@code /api/audit} with an AUDITOR's, {@code /api/admin} and {@code /actuator/metrics} with an ADMIN's, figures (rankings, stats, products,
 * coupons, rooms) with an ANALYST's. Tests about who may do what name their tokens explicitly
 * ({@link Http#get(URI, String)}...), where {@code null} means no token at all.
 */
final class DefaultTokens {

    /** A shopper with no data of its own, for requests about ids that exist nowhere. */
    static final String STRANGER = "stranger";

    private static final List<String> ACTOR_FIELDS = List.of("userId", "ownerId", "senderId");
    private static final Map<String, String> ORDER_OWNERS = new ConcurrentHashMap<>();
    private static final Map<String, String> ROOM_OWNERS = new ConcurrentHashMap<>();

    private DefaultTokens() {
    }

    static String tokenFor(String method, URI uri, JsonNode body) {
        String path = uri.getPath();
        String[] parts = path.split("/");
        if (path.startsWith("/actuator/metrics")) {
            return Tokens.admin();
        }
        if (path.startsWith("/actuator/")) {
            return null;
        }
        if (path.startsWith("/api/audit/")) {
            return Tokens.auditor();
        }
        if (path.startsWith("/api/admin/")) {
            return Tokens.admin();
        }
        if (!method.equals("GET") && (path.startsWith("/api/products") || path.equals("/api/coupons"))) {
            return Tokens.admin();
        }
        String actor = actorIn(body);
        if (actor == null) {
            actor = queryParameter(uri, "userId");
        }
        if (actor == null && parts.length > 3 && (parts[2].equals("accounts") || parts[2].equals("users"))) {
            actor = parts[3];
        }
        if (actor == null && parts.length > 5 && parts[2].equals("rooms") && parts[4].equals("members")) {
            actor = parts[5];
        }
        if (actor == null && method.equals("GET") && parts.length == 5 && parts[2].equals("rooms")
                && parts[4].equals("messages")) {
            actor = ROOM_OWNERS.getOrDefault(parts[3], STRANGER);
        }
        if (actor == null && parts.length > 3 && parts[2].equals("orders")) {
            actor = ORDER_OWNERS.getOrDefault(parts[3], STRANGER);
        }
        if (actor != null) {
            return Tokens.client(actor);
        }
        return method.equals("GET") ? Tokens.analyst() : Tokens.client(STRANGER);
    }

    /**
     * Remembers who placed an order and who created a room, so later requests about them go as that user: an order's
     * owner, a room's owner reading its messages.
     */
    static void accepted(URI uri, JsonNode requestBody, int status, JsonNode responseBody) {
        if (status / 100 != 2) {
            return;
        }
        String userId = actorIn(requestBody);
        String path = uri.getPath();
        if (path.equals("/api/orders")) {
            remember(ORDER_OWNERS, responseBody.path("orderId").asText(null), userId);
        } else if (path.equals("/api/rooms")) {
            remember(ROOM_OWNERS, responseBody.path("roomId").asText(null), userId);
        }
    }

    private static void remember(Map<String, String> owners, String id, String userId) {
        if (id != null && userId != null) {
            owners.put(id, userId);
        }
    }

    private static String actorIn(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        for (String field : ACTOR_FIELDS) {
            if (body.path(field).isTextual() && !body.path(field).asText().isBlank()) {
                return body.path(field).asText();
            }
        }
        return null;
    }

    private static String queryParameter(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
