package dev.jangteo.query.operations.replay.verify;

import dev.jangteo.query.readmodel.ShadowStore;

import java.util.List;

/**
 * The answer of a verified replay.
 *
 * @param position    the live group's position the shadow was compared at
 * @param events      the events the shadow replay handed to the group's handlers
 * @param rows        rows, documents or keys compared in the live stores
 * @param skipped     events held in the group's dead-letter queue, skipped like the live group skipped them
 * @param differences the first differences found (at most {@value VerifiedReplay#MAX_DIFFERENCES})
 */
public record Verification(String processor, boolean equal, long position, long events, long rows, long skipped,
                           long millis, List<ShadowStore.Difference> differences) {

}
