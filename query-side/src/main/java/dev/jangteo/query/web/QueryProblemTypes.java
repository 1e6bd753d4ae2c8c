package dev.jangteo.query.web;

import dev.jangteo.platform.web.ProblemType;
import dev.jangteo.platform.web.ProblemTypes;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE;
import static org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT;

/**
 * What each problem code of the query API means, served at {@code /problems/{code}}; the platform adds the codes every
 * endpoint shares.
 */
@Component
class QueryProblemTypes implements ProblemTypes {

    @Override
    public List<ProblemType> types() {
        return List.of(
                new ProblemType("ACCOUNT_NOT_FOUND", NOT_FOUND, "No such wallet",
                                "The read model holds no wallet for this user id (a wallet just opened shows once "
                                        + "its projection has it: pass the consistency token)."),
                new ProblemType("PRODUCT_NOT_FOUND", NOT_FOUND, "No such product",
                                "The read model holds no product with this id."),
                new ProblemType("ORDER_NOT_FOUND", NOT_FOUND, "No such order",
                                "The read model holds no order with this id."),
                new ProblemType("COUPON_NOT_FOUND", NOT_FOUND, "No such coupon",
                                "The read model holds no coupon with this id."),
                new ProblemType("ROOM_NOT_FOUND", NOT_FOUND, "No such room",
                                "The read model holds no chat room with this id."),
                new ProblemType("NOT_A_MEMBER", FORBIDDEN, "Not an active member of the room",
                                "Only an active member reads a room's history, or, as a CLIENT, its figures."),
                new ProblemType("USER_NOT_FOUND", NOT_FOUND, "Nothing is held about the user",
                                "No wallet, order, coupon, room or message of this user is held."),
                new ProblemType("SEARCH_UNAVAILABLE", SERVICE_UNAVAILABLE, "Search is unavailable",
                                "Elasticsearch cannot be reached. Only search is affected; the index catches up "
                                        + "afterwards. Retry after the seconds of Retry-After."),
                new ProblemType("SEARCH_REBUILDING", SERVICE_UNAVAILABLE, "The message index is being rebuilt",
                                "Elasticsearch lost the message index, which is being rebuilt from the events; until "
                                        + "then a search would miss messages. Retry after the seconds of Retry-After."),
                new ProblemType("RANKINGS_REDIS_UNAVAILABLE", SERVICE_UNAVAILABLE, "Redis cannot answer rankings",
                                "source=redis was asked while Redis cannot answer exactly; source=auto or "
                                        + "source=database answer from PostgreSQL."),
                new ProblemType("RANKINGS_STORE_UNAVAILABLE", SERVICE_UNAVAILABLE, "Redis cannot be reached",
                                "A rankings rebuild needs Redis, which cannot be reached now."),
                new ProblemType("AGGREGATE_NOT_FOUND", NOT_FOUND, "No such aggregate",
                                "The event store holds no event of this aggregate, or none yet at the moment asked "
                                        + "for."),
                new ProblemType("VERSION_NOT_FOUND", NOT_FOUND, "No such version of the aggregate",
                                "The version asked for is past the aggregate's last event."),
                new ProblemType("STATE_NOT_SUPPORTED", UNPROCESSABLE_CONTENT, "No state for this aggregate type",
                                "The audit API cannot fold this type of aggregate into a state; its history still "
                                        + "answers."),
                new ProblemType("PROCESSOR_NOT_FOUND", NOT_FOUND, "No such processing group",
                                "No processing group of this name (with a dead-letter queue, for dead letters)."),
                new ProblemType("PROCESSOR_BUSY", CONFLICT, "The processing group is busy",
                                "The group is being replayed, verified or reset, here or on another instance, or "
                                        + "another instance holds it; retry once that is over."),
                new ProblemType("TOO_MANY_WATCHERS", SERVICE_UNAVAILABLE, "Too many processor streams",
                                "This instance has as many processor status streams open as it keeps; retry in a "
                                        + "while or read GET /api/admin/processors."),
                new ProblemType("REPLAY_NOT_SUPPORTED", CONFLICT, "The group cannot replay",
                                "This processing group cannot be reset."),
                new ProblemType("REPLAY_FROM_NOT_SUPPORTED", CONFLICT, "The group replays only whole",
                                "The group adds up (claims, daily totals, message counts), so replaying it from a "
                                        + "moment would count twice; replay it without from."),
                new ProblemType("VERIFY_NOT_SUPPORTED", CONFLICT, "The group has no store to verify",
                                "A verified replay compares a store; this group keeps none."),
                new ProblemType("SEGMENT_NOT_CHANGED", CONFLICT, "The segment was not split or merged",
                                "No such segment, it is claimed elsewhere, or it has no sibling to merge with."),
                new ProblemType("DEAD_LETTER_NOT_FOUND", NOT_FOUND, "No such dead letter",
                                "The group's queue holds no dead letter with this id."));
    }
}
