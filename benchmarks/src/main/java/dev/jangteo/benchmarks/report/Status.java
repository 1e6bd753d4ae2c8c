package dev.jangteo.benchmarks.report;

/** How a scenario ended. */
public enum Status {
    /** Figures, and every check held. */
    OK,
    /** Figures, and a check failed (oversell, duplicate sequence, query side disagrees). */
    FAIL,
    /** Figures only, nothing to check. */
    INFO,
    /** Not run, for a reason that is no fault (a missing tool). */
    SKIPPED,
    /** The scenario could not run (app unreachable, coupon could not be defined). */
    ERROR;

    public boolean failed() {
        return this == FAIL || this == ERROR;
    }
}
