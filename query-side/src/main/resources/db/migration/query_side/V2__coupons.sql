-- Read models of the "coupons" processing group (dev.jangteo.query.coupon.CouponProjection).

CREATE TABLE coupon_view (
    coupon_id      VARCHAR(64)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    discount_type  VARCHAR(16)  NOT NULL,
    discount_value BIGINT       NOT NULL,
    total_quantity INTEGER      NOT NULL,
    issued         INTEGER      NOT NULL,
    valid_from     TIMESTAMPTZ,
    valid_until    TIMESTAMPTZ,
    defined_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT coupon_view_pk PRIMARY KEY (coupon_id),
    CONSTRAINT coupon_view_issued_ck CHECK (issued BETWEEN 0 AND total_quantity)
);

CREATE TABLE user_coupon (
    coupon_id  VARCHAR(64) NOT NULL,
    user_id    VARCHAR(64) NOT NULL,
    sequence   BIGINT      NOT NULL,
    state      VARCHAR(16) NOT NULL,
    issued_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT user_coupon_pk PRIMARY KEY (coupon_id, user_id),
    CONSTRAINT user_coupon_sequence_uk UNIQUE (coupon_id, sequence)
);

CREATE INDEX user_coupon_user_idx ON user_coupon (user_id, issued_at DESC);
