package dev.jangteo.benchmarks.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Bearer tokens for the benchmark's requests, signed in this JVM with the dev key pair that {@code ./dev run} and
 * {@code ./dev bench} generate ({@code .local/keys/}, trusted by the apps under the {@code local} and
 * {@code loadtest} profiles). Signing here rather than asking the command side's {@code /api/dev/tokens} keeps the
 * apps' CPU for the measured work; scenarios mint a request's token before they start its clock.
 */
public final class BenchTokens {

    /** Where {@code ./dev} keeps the dev key pair, relative to the repository root (the benchmark's directory). */
    public static final Path DEFAULT_PRIVATE_KEY = Path.of(".local", "keys", "jwt-private.pem");

    private static final Duration LIFETIME = Duration.ofHours(12);
    private static volatile PrivateKey key;
    private static volatile Path privateKeyFile = DEFAULT_PRIVATE_KEY;

    private BenchTokens() {
    }

    /** Uses the PKCS#8 PEM private key at {@code file} (its public half next to it as {@code jwt-public.pem}). */
    public static void use(Path file) {
        privateKeyFile = file;
        key = null;
    }

    /** The argument that makes an app started by a scenario trust these tokens. */
    public static String publicKeyArgument() {
        Path publicKey = privateKeyFile.toAbsolutePath().resolveSibling("jwt-public.pem");
        return "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey;
    }

    public static String client(String userId) {
        return of(userId, "CLIENT");
    }

    public static String admin() {
        return of("bench-admin", "ADMIN");
    }

    public static String analyst() {
        return of("bench-analyst", "ANALYST");
    }

    public static String auditor() {
        return of("bench-auditor", "AUDITOR");
    }

    /** {@code Authorization} header value for {@code token}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String of(String subject, String role) {
        Instant now = Instant.now();
        String claims = "{\"sub\":\"" + subject + "\",\"roles\":[\"" + role + "\"],\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(LIFETIME).getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new BenchException("cannot sign a token with " + privateKeyFile + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey key() {
        PrivateKey loaded = key;
        if (loaded == null) {
            try {
                String pem = Files.readString(privateKeyFile);
                byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
                loaded = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
                key = loaded;
            } catch (IOException | GeneralSecurityException e) {
                throw new BenchException("no dev token key at " + privateKeyFile.toAbsolutePath()
                                                 + " (./dev run or ./dev bench creates it): " + e.getMessage(), e);
            }
        }
        return loaded;
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
