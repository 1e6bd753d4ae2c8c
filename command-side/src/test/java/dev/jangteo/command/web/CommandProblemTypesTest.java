package dev.jangteo.command.web;

import dev.jangteo.api.chat.ChatRefusal;
import dev.jangteo.platform.web.ProblemCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandProblemTypesTest {

    private final ProblemCatalog catalog = new ProblemCatalog(List.of(new CommandProblemTypes()));

    @Test
    void canDescribeEveryRoomRefusal() {
        for (ChatRefusal refusal : ChatRefusal.values()) {
            assertThat(catalog.find(refusal.name())).as(refusal.name()).isPresent();
        }
    }

    /** The aggregates controllers name to {@link CommandSender}, which makes codes up from them. */
    @Test
    void canDescribeWhatCommandSenderMakesUpForEachAggregate() {
        for (String aggregate : List.of("ACCOUNT", "PRODUCT", "ORDER", "ROOM", "COUPON")) {
            assertThat(catalog.find(aggregate + "_NOT_FOUND")).as(aggregate).isPresent();
            assertThat(catalog.find(aggregate + "_ALREADY_EXISTS")).as(aggregate).isPresent();
        }
    }
}
