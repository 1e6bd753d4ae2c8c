package dev.jangteo.command.security;

import dev.jangteo.api.Money;
import dev.jangteo.api.account.DepositFundsCommand;
import dev.jangteo.api.account.OpenAccountCommand;
import dev.jangteo.command.refusal.Refusal;
import dev.jangteo.platform.axon.AuditMetadata;
import dev.jangteo.platform.security.dev.DevSecurityConfiguration;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Demo users with a wallet and a starting balance, opened at start-up when absent, so a fresh {@code ./dev run} can
 * order at once ({@code ./dev token alice}). Only under {@code local} and {@code loadtest}: never in production.
 * The deposit has a fixed id, so restarts do not add to it.
 */
@Component
@Profile({DevSecurityConfiguration.LOCAL, DevSecurityConfiguration.LOADTEST})
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    static final String ACTING_USER = "system:demo-accounts";
    static final long STARTING_BALANCE = 1_000_000;

    record Demo(String userId, String email, String name) {
    }

    static final List<Demo> USERS = List.of(new Demo("alice", "alice@example.com", "Alice"),
                                            new Demo("bob", "bob@example.com", "Bob"));

    private final CommandGateway commands;

    DemoAccounts(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Demo demo : USERS) {
            open(demo);
            send(new DepositFundsCommand(demo.userId(), "demo-starting-balance", Money.won(STARTING_BALANCE)));
        }
        log.info("Demo accounts ready: {} (local/loadtest profile only)", USERS.stream().map(Demo::userId).toList());
    }

    private void open(Demo demo) {
        try {
            send(new OpenAccountCommand(demo.userId(), demo.email(), demo.name()));
        } catch (RuntimeException e) {
            if (!Refusal.is(e, Refusal.ALREADY_EXISTS)) {
                throw e;
            }
            log.debug("Demo account {} exists", demo.userId());
        }
    }

    private void send(Object command) {
        MetaData origin = AuditMetadata.origin(UUID.randomUUID().toString(), ACTING_USER);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(origin));
    }
}
