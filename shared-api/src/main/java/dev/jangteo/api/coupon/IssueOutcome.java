package dev.jangteo.api.coupon;

/** The decision on one claim: a place in the queue, or a refusal. */
public record IssueOutcome(String userId, long sequence, IssueRefusal refusal) {

    public static IssueOutcome issued(String userId, long sequence) {
        return new IssueOutcome(userId, sequence, null);
    }

    public static IssueOutcome refused(String userId, IssueRefusal refusal) {
        return new IssueOutcome(userId, 0, refusal);
    }

    public boolean wasIssued() {
        return refusal == null;
    }
}
