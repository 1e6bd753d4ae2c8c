package dev.jangteo.query.consistency;

import dev.jangteo.platform.web.ApiException;

import java.util.regex.Pattern;

/**
 * What command responses hand out: a global event position at or after the command's last event (the head of the
 * event store once the command committed), as a decimal string. The same number on every store: the global index of
 * the JDBC store (a GapAwareTrackingToken's index), Axon Server's or the remote-like store's global sequence (a
 * GlobalSequenceTrackingToken's).
 */
final class ConsistencyToken {

    static final String HEADER = "X-Consistency-Token";
    static final String PARAMETER = "consistentWith";

    /** At most 18 digits: always a valid long, and far beyond any event store. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}");

    private ConsistencyToken() {
    }

    /** The position asked for by header and/or parameter; -1 when neither is given; 400 when malformed. */
    static long position(String header, String parameter) {
        if (header == null && parameter == null) {
            return -1;
        }
        if (header != null && parameter != null && !header.strip().equals(parameter.strip())) {
            throw ApiException.invalid(HEADER + " and " + PARAMETER + " disagree");
        }
        return parse(header != null ? header : parameter);
    }

    static long parse(String token) {
        String value = token.strip();
        if (!DECIMAL.matcher(value).matches()) {
            throw ApiException.invalid("A consistency token is the decimal event position a command response "
                                               + "returned (" + HEADER + " or " + PARAMETER + ")");
        }
        return Long.parseLong(value);
    }
}
