package dev.jangteo.benchmarks.http;

/** A step a scenario cannot go on without (such as defining its coupon) failed. */
public final class BenchException extends RuntimeException {

    public BenchException(String message) {
        super(message);
    }

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
