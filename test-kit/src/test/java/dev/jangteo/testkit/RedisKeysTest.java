package dev.jangteo.testkit;

import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the real Redis of {@code ./dev up}: only the keys under the prefix go, however many SCAN pages they take. */
class RedisKeysTest {

    private static final String HOST = System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1");
    private static final int PORT = Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379"));

    @Test
    void canDeleteEveryKeyUnderAPrefixAndNoOther() throws IOException {
        String run = "jangteo-kit-test-" + UUID.randomUUID() + "-";
        String prefix = run + "scratch-";
        for (int i = 0; i < 1_234; i++) {
            command("SET", prefix + "key:" + i, "x");
        }
        command("SET", run + "other", "kept");
        command("SET", run + "scratch*", "a key that only matches if the prefix is not escaped");

        long deleted = RedisKeys.deleteByPrefix(HOST, PORT, prefix);

        assertThat(deleted).isEqualTo(1_234);
        assertThat(command("EXISTS", prefix + "key:0")).isEqualTo(0L);
        assertThat(command("GET", run + "other")).isEqualTo("kept");
        assertThat(RedisKeys.deleteByPrefix(HOST, PORT, run)).isEqualTo(2);
    }

    /** Sends one command and answers its reply. */
    private static Object command(String... arguments) throws IOException {
        try (Socket socket = new Socket(HOST, PORT)) {
            RedisKeys.send(socket.getOutputStream(), arguments);
            return RedisKeys.read(new BufferedInputStream(socket.getInputStream()));
        }
    }
}
