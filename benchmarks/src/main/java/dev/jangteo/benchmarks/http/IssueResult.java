package dev.jangteo.benchmarks.http;

/**
 * What one issue request came back with.
 *
 * @param status   HTTP status, or 0 when no response arrived (see {@code error})
 * @param code     the problem {@code code} of a refusal (e.g. COUPON_SOLD_OUT), or null
 * @param sequence the user's place from a 201, or -1
 * @param nanos    time from sending the request to having the whole response
 * @param error    why no response arrived (timeout, connect, io, interrupted), or null
 */
public record IssueResult(int status, String code, long sequence, long nanos, String error) {

    public static IssueResult failed(String error, long nanos) {
        return new IssueResult(0, null, -1, nanos, error);
    }

    public boolean created() {
        return status == 201;
    }

    public boolean answered() {
        return status != 0;
    }

    /** A short label to count outcomes by: "201", "409 COUPON_SOLD_OUT", "http 500", "error timeout". */
    public String label() {
        if (!answered()) {
            return "error " + error;
        }
        if (created()) {
            return "201";
        }
        return code == null ? "http " + status : status + " " + code;
    }
}
