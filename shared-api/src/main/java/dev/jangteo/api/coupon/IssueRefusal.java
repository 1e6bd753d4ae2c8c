package dev.jangteo.api.coupon;

/** Why a claim got no copy. Only the claimant needs to know, so a refusal is an answer, not an event. */
public enum IssueRefusal {
    SOLD_OUT,
    ALREADY_ISSUED,
    NOT_ACTIVE
}
