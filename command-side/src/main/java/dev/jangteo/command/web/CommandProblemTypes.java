package dev.jangteo.command.web;

import dev.jangteo.command.web.idempotency.IdempotencyFilter;
import dev.jangteo.platform.web.ProblemType;
import dev.jangteo.platform.web.ProblemTypes;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE;
import static org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT;

/**
 * What each problem code of the command API means, served at {@code /problems/{code}}; the platform adds the codes
 * every endpoint shares. {@code <AGGREGATE>_NOT_FOUND} and {@code _ALREADY_EXISTS} come from {@link CommandSender}.
 */
@Component
class CommandProblemTypes implements ProblemTypes {

    @Override
    public List<ProblemType> types() {
        return List.of(
                new ProblemType("COMMAND_TIMEOUT", SERVICE_UNAVAILABLE, "The command was not decided in time",
                                "The command was not decided within 10 seconds. It may still take effect: read the "
                                        + "result back, or retry with the same Idempotency-Key."),
                new ProblemType(IdempotencyFilter.KEY_INVALID, BAD_REQUEST, "The Idempotency-Key is not valid",
                                "An Idempotency-Key must be 1 to 255 printable ASCII characters, e.g. a UUID."),
                new ProblemType(IdempotencyFilter.KEY_IN_FLIGHT, CONFLICT, "The first request with this key still runs",
                                "The first request with this Idempotency-Key has not answered yet. Retry after the "
                                        + "seconds of Retry-After to get its answer."),
                new ProblemType(IdempotencyFilter.KEY_REUSED, UNPROCESSABLE_CONTENT, "The key was used for another request",
                                "This Idempotency-Key was used for another request (another method, path, query or "
                                        + "body) by the same user. Use a new key for a new request."),

                new ProblemType("ACCOUNT_NOT_FOUND", NOT_FOUND, "No such wallet",
                                "No wallet was opened for this user id."),
                new ProblemType("ACCOUNT_ALREADY_EXISTS", CONFLICT, "The wallet exists",
                                "A wallet is already open for this user id; a user has one wallet."),
                new ProblemType("ACCOUNT_CLOSED", CONFLICT, "The wallet is closed",
                                "The wallet was closed (its holder's account deleted), so it takes no deposit. "
                                        + "Refunds of earlier orders still apply."),
                new ProblemType("PRODUCT_NOT_FOUND", NOT_FOUND, "No such product",
                                "No product was registered with this id."),
                new ProblemType("PRODUCT_ALREADY_EXISTS", CONFLICT, "The product id is taken",
                                "A product with this id is registered already."),
                new ProblemType("ORDER_NOT_FOUND", NOT_FOUND, "No such order", "No order was placed with this id."),
                new ProblemType("ORDER_ALREADY_EXISTS", CONFLICT, "The order id is taken",
                                "An order with this id was placed already."),
                new ProblemType("ORDER_NOT_CANCELLABLE", CONFLICT, "The order cannot be cancelled",
                                "Only a PAID order can be cancelled: this one is still PENDING, was REJECTED, or is "
                                        + "cancelled or being cancelled."),
                new ProblemType("COUPON_NOT_FOUND", NOT_FOUND, "No such coupon", "No coupon was defined with this id."),
                new ProblemType("COUPON_ALREADY_EXISTS", CONFLICT, "The coupon id is taken",
                                "A coupon with this id is defined already."),
                new ProblemType("COUPON_SOLD_OUT", CONFLICT, "The coupon is sold out",
                                "Every copy of the coupon has been issued; a coupon is never issued beyond its total "
                                        + "quantity."),
                new ProblemType("COUPON_ALREADY_ISSUED", CONFLICT, "The user holds this coupon",
                                "The user was issued this coupon already; each user gets at most one."),
                new ProblemType("COUPON_NOT_ACTIVE", CONFLICT, "The coupon is not valid now",
                                "The coupon's validity window (validFrom inclusive, validUntil exclusive) does not "
                                        + "include this moment."),
                new ProblemType("ROOM_NOT_FOUND", NOT_FOUND, "No such room", "No chat room was created with this id."),
                new ProblemType("ROOM_ALREADY_EXISTS", CONFLICT, "The room id is taken",
                                "A chat room with this id exists already."),
                new ProblemType("NOT_A_MEMBER", FORBIDDEN, "Not an active member of the room",
                                "Only active members of a room post, edit, delete, mark read and leave."),
                new ProblemType("NOT_THE_SENDER", FORBIDDEN, "Not the sender of the message",
                                "Only the sender of a message edits or deletes it."),
                new ProblemType("MESSAGE_NOT_FOUND", NOT_FOUND, "No such message in the room",
                                "The room holds no message with this id."),
                new ProblemType("MESSAGE_ALREADY_EXISTS", CONFLICT, "The message id is taken",
                                "The room holds a message with this id already."),
                new ProblemType("MESSAGE_DELETED", CONFLICT, "The message was deleted",
                                "A deleted message cannot be edited or replied to."),
                new ProblemType("REPLY_OUTSIDE_ROOM", CONFLICT, "The reply points outside the room",
                                "A reply must point at a message of the same room."));
    }
}
