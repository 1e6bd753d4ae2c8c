package dev.jangteo.benchmarks.scenario;

import dev.jangteo.benchmarks.report.ScenarioResult;

/** One benchmark: runs against the apps (or PostgreSQL) and returns its figures. */
public interface Scenario {

    String name();

    /** One line on what is about to happen, printed before it runs. */
    String description();

    ScenarioResult run();
}
