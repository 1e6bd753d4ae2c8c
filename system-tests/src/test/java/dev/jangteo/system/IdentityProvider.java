package dev.jangteo.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged identity provider ({@code identity/}) as a process of its own, like {@link Stack}'s apps: on a free
 * port that is also its issuer's, under the {@code demo} profile (its four demo users), signing with the key it is
 * given. {@link #appArguments()} point an app at it: its JWKS, its issuer and the audience it writes.
 */
final class IdentityProvider implements AutoCloseable {

    static final String AUDIENCE = "jangteo";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final URI issuer;

    private IdentityProvider(Process process, URI issuer) {
        this.process = process;
        this.issuer = issuer;
    }

    /** Starts the jar of system property {@code identity.jar}, signing with {@code signingKey}; waits until ready. */
    static IdentityProvider start(String name, Path signingKey) {
        return start(name, signingKey, freePort());
    }

    /**
     * As above, on {@code port} (its issuer is then {@link #issuerAt}), with {@code extraArgs} after the others: for a
     * test whose apps must know the issuer before the provider can know them (the console's redirect URI).
     */
    static IdentityProvider start(String name, Path signingKey, int port, String... extraArgs) {
        URI issuer = issuerAt(port);
        Path log = Path.of("target", "apps", name + "-identity.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java, "-Xmx256m", "-jar", System.getProperty("identity.jar"), "--server.port=" + port,
                "--spring.profiles.active=demo", "--jangteo.identity.issuer=" + issuer,
                "--jangteo.identity.audience=" + AUDIENCE,
                "--jangteo.identity.signing-key-location=file:" + signingKey.toAbsolutePath()));
        command.addAll(List.of(extraArgs));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                                                         .redirectOutput(log.toFile()).start();
            IdentityProvider provider = new IdentityProvider(process, issuer);
            provider.awaitReady(log);
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI issuer() {
        return issuer;
    }

    static URI issuerAt(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** What makes an app take this provider's tokens (a JWKS replaces the tests' public key). */
    List<String> appArguments() {
        return appArguments(issuer);
    }

    /** What makes an app take the tokens of the provider of {@code issuer}, started or not. */
    static List<String> appArguments(URI issuer) {
        return List.of("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer + "/oauth2/jwks",
                       "--jangteo.security.jwt.issuer=" + issuer, "--jangteo.security.jwt.audience=" + AUDIENCE);
    }

    private void awaitReady(Path log) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The identity provider stopped at start; see " + log);
            }
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(issuer.resolve("/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        close();
        throw new IllegalStateException("The identity provider was not ready within " + START_TIMEOUT + "; see " + log);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
