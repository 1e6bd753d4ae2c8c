package dev.jangteo.testkit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes the Redis keys a test class or a benchmark's scratch query side wrote under its own prefix, so that it
 * leaves Redis as it found it. A few RESP commands over a socket (SCAN, then DEL): the kit needs no Redis client.
 */
public final class RedisKeys {

    private static final int TIMEOUT_MILLIS = 5_000;
    private static final int DELETE_SLICE = 500;

    private RedisKeys() {
    }

    /** Deletes every key starting with {@code prefix}; answers how many were deleted. */
    public static long deleteByPrefix(String host, int port, String prefix) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            List<String> keys = new ArrayList<>();
            String cursor = "0";
            do {
                send(out, "SCAN", cursor, "MATCH", escapeGlob(prefix) + "*", "COUNT", "1000");
                List<?> reply = (List<?>) read(in);
                cursor = (String) reply.get(0);
                for (Object key : (List<?>) reply.get(1)) {
                    keys.add((String) key);
                }
            } while (!cursor.equals("0"));
            long deleted = 0;
            for (int from = 0; from < keys.size(); from += DELETE_SLICE) {
                List<String> command = new ArrayList<>(List.of("DEL"));
                command.addAll(keys.subList(from, Math.min(keys.size(), from + DELETE_SLICE)));
                send(out, command.toArray(String[]::new));
                deleted += (Long) read(in);
            }
            return deleted;
        }
    }

    private static String escapeGlob(String text) {
        return text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    /** One command, as RESP (package-private for the test, which sets its keys with it). */
    static void send(OutputStream out, String... arguments) throws IOException {
        StringBuilder command = new StringBuilder("*").append(arguments.length).append("\r\n");
        for (String argument : arguments) {
            command.append('$').append(argument.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                   .append(argument).append("\r\n");
        }
        out.write(command.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One RESP2 reply: a bulk string, an integer, a status or an array of them; an error reply throws. */
    static Object read(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        return switch (type) {
            case '+' -> line;
            case ':' -> Long.parseLong(line);
            case '-' -> throw new IOException("Redis: " + line);
            case '$' -> {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    yield null;
                }
                byte[] bytes = in.readNBytes(length + 2);
                yield new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int count = Integer.parseInt(line);
                List<Object> items = new ArrayList<>(Math.max(count, 0));
                for (int i = 0; i < count; i++) {
                    items.add(read(in));
                }
                yield items;
            }
            default -> throw new IOException("Redis: unexpected reply type " + type);
        };
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\r'; c = in.read()) {
            if (c < 0) {
                throw new IOException("Redis closed the connection");
            }
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }
}
