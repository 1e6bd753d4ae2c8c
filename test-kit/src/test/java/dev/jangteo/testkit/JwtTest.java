package dev.jangteo.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwtTest {

    private static final Instant ISSUED = Instant.parse("2026-12-05T09:00:00Z");
    private static final Instant EXPIRES = ISSUED.plusSeconds(7_200);

    private final Jwt jwt = Jwt.generate();

    @TempDir
    Path dir;

    @Test
    void tokenHasTheHeaderAndClaimsTheAppsRead() {
        String[] parts = jwt.token("alice", ISSUED, EXPIRES, "CLIENT", "ANALYST").split("\\.");

        assertEquals(3, parts.length);
        JsonNode header = decode(parts[0]);
        assertEquals("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", header.toString());
        JsonNode claims = decode(parts[1]);
        assertEquals(List.of("iss", "aud", "sub", "roles", "iat", "exp", "jti"), fieldNames(claims));
        assertEquals(Jwt.DEV_ISSUER, claims.path("iss").asText());
        assertEquals(Jwt.DEV_AUDIENCE, claims.path("aud").asText());
        assertEquals("alice", claims.path("sub").asText());
        assertEquals("[\"CLIENT\",\"ANALYST\"]", claims.path("roles").toString());
        assertEquals(ISSUED.getEpochSecond(), claims.path("iat").asLong());
        assertEquals(EXPIRES.getEpochSecond(), claims.path("exp").asLong());
        UUID.fromString(claims.path("jti").asText());
    }

    @Test
    void tokenWithoutRolesHasAnEmptyRolesArray() {
        JsonNode claims = decode(jwt.token("nobody", ISSUED, EXPIRES).split("\\.")[1]);

        assertTrue(claims.path("roles").isArray());
        assertEquals(0, claims.path("roles").size());
    }

    @Test
    void everyTokenHasAJtiOfItsOwn() {
        JsonNode first = decode(jwt.token("alice", ISSUED, EXPIRES, "CLIENT").split("\\.")[1]);
        JsonNode second = decode(jwt.token("alice", ISSUED, EXPIRES, "CLIENT").split("\\.")[1]);

        assertFalse(first.path("jti").equals(second.path("jti")));
    }

    @Test
    void signatureVerifiesWithThePublicKey() throws GeneralSecurityException {
        String token = jwt.token("alice", ISSUED, EXPIRES, "CLIENT");

        assertTrue(verifies(token, jwt.publicKey()));
    }

    @Test
    void signatureDoesNotVerifyWithAnotherKey() throws GeneralSecurityException {
        String token = Jwt.generate().token("alice", ISSUED, EXPIRES, "CLIENT");

        assertFalse(verifies(token, jwt.publicKey()));
    }

    @Test
    void publicKeyWrittenAsPemReadsBackAsTheSameKey() throws Exception {
        Path file = jwt.writePublicKey(dir.resolve("keys").resolve("public.pem"));

        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"), pem);
        assertTrue(pem.endsWith("\n-----END PUBLIC KEY-----\n"), pem);
        PublicKey read = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Jwt.der(pem)));
        assertEquals(jwt.publicKey(), read);
    }

    @Test
    void privateKeyWrittenAsPemLoadsIntoASignerWithTheSameKeys() throws GeneralSecurityException {
        Jwt loaded = Jwt.load(jwt.writePrivateKey(dir.resolve("private.pem")));

        assertEquals(jwt.publicKey(), loaded.publicKey());
        assertTrue(verifies(loaded.token("alice", ISSUED, EXPIRES, "CLIENT"), jwt.publicKey()));
    }

    @Test
    void cannotLoadAFileWithoutAPrivateKey() {
        Path publicOnly = jwt.writePublicKey(dir.resolve("public.pem"));

        assertThrows(IllegalArgumentException.class, () -> Jwt.load(publicOnly));
    }

    @Test
    void publicKeyArgumentPointsSpringBootAtTheFile() {
        Path file = dir.resolve("public.pem");

        assertEquals("--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + file.toAbsolutePath(),
                     Jwt.publicKeyArgument(file));
    }

    @Test
    void anotherIssuerOrAudienceKeepsTheKey() throws GeneralSecurityException {
        Jwt other = jwt.withIssuer("https://elsewhere.example").withAudience("billing");
        String token = other.token("alice", ISSUED, EXPIRES, "CLIENT");

        JsonNode claims = decode(token.split("\\.")[1]);
        assertEquals("https://elsewhere.example", claims.path("iss").asText());
        assertEquals("billing", claims.path("aud").asText());
        assertTrue(verifies(token, jwt.publicKey()));
    }

    @Test
    void trustArgumentsNameTheKeyTheIssuerAndTheAudience() {
        Path file = dir.resolve("public.pem");

        assertEquals(List.of(Jwt.publicKeyArgument(file), "--jangteo.security.jwt.issuer=jangteo-dev",
                             "--jangteo.security.jwt.audience=jangteo"), jwt.trustArguments(file));
    }

    private static boolean verifies(String token, PublicKey key) throws GeneralSecurityException {
        int lastDot = token.lastIndexOf('.');
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        return rsa.verify(Base64.getUrlDecoder().decode(token.substring(lastDot + 1)));
    }

    private static JsonNode decode(String part) {
        return JsonHttp.parse(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
