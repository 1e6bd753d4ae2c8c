package dev.jangteo.benchmarks.http;

/** Heap in use by an app and where the figure came from. */
public record HeapReading(long bytes, String source) {

    public double mebibytes() {
        return bytes / (1024.0 * 1024.0);
    }
}
