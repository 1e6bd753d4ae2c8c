package dev.jangteo.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Projections and the query API (port 8082). Reads the event store; owns read models, tokens and dead letters. */
@SpringBootApplication(scanBasePackages = {"dev.jangteo.query", "dev.jangteo.platform"})
@ConfigurationPropertiesScan
public class QuerySideApplication {

    public static void main(String[] args) {
        // Axon's update checker calls AxonIQ's servers and reports usage: off unless the JVM says otherwise.
        System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
