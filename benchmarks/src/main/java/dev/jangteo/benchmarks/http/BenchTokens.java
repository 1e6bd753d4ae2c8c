package dev.jangteo.benchmarks.http;

import dev.jangteo.testkit.Jwt;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
    private static volatile Jwt jwt;
    private static volatile Path privateKeyFile = DEFAULT_PRIVATE_KEY;

    private BenchTokens() {
    }

    /** Uses the PKCS#8 PEM private key at {@code file} (its public half next to it as {@code jwt-public.pem}). */
    public static void use(Path file) {
        privateKeyFile = file;
        jwt = null;
    }

    /**
     * The arguments that make an app started by a scenario trust these tokens: the dev public key, the dev issuer
     * and audience (what the {@code loadtest} profile sets too).
     */
    public static List<String> trustArguments() {
        return List.of(Jwt.publicKeyArgument(privateKeyFile.toAbsolutePath().resolveSibling("jwt-public.pem")),
                       "--" + Jwt.ISSUER_PROPERTY + "=" + Jwt.DEV_ISSUER,
                       "--" + Jwt.AUDIENCE_PROPERTY + "=" + Jwt.DEV_AUDIENCE);
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
        return jwt().token(subject, now, now.plus(LIFETIME), role);
    }

    private static Jwt jwt() {
        Jwt loaded = jwt;
        if (loaded == null) {
            try {
                loaded = Jwt.load(privateKeyFile);
                jwt = loaded;
            } catch (UncheckedIOException | IllegalArgumentException e) {
                throw new BenchException("no dev token key at " + privateKeyFile.toAbsolutePath()
                                                 + " (./dev run or ./dev bench creates it): " + e.getMessage(), e);
            }
        }
        return loaded;
    }
}
