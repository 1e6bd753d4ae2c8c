package dev.jangteo.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Aggregates, sagas and the command API (port 8081). Owns the event store. */
@SpringBootApplication(scanBasePackages = {"dev.jangteo.command", "dev.jangteo.platform"})
@ConfigurationPropertiesScan
public class CommandSideApplication {

    public static void main(String[] args) {
        // Axon's update checker calls AxonIQ's servers and reports usage: off unless the JVM says otherwise.
        System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
