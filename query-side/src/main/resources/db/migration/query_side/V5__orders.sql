-- Read model of the "orders" processing group (dev.jangteo.query.order.OrderProjection).
-- Amounts are in won and stay NULL until the order is paid (unit prices are fixed by the stock reservations).

CREATE TABLE order_view (
    order_id                  VARCHAR(64) NOT NULL,
    user_id                   VARCHAR(64) NOT NULL,
    status                    VARCHAR(16) NOT NULL,
    reason                    VARCHAR(32),
    coupon_id                 VARCHAR(64),
    subtotal                  BIGINT,
    discount                  BIGINT,
    total                     BIGINT,
    placed_at                 TIMESTAMPTZ NOT NULL,
    paid_at                   TIMESTAMPTZ,
    rejected_at               TIMESTAMPTZ,
    cancellation_requested_at TIMESTAMPTZ,
    cancelled_at              TIMESTAMPTZ,
    CONSTRAINT order_view_pk PRIMARY KEY (order_id)
);

-- A user's orders, newest first.
CREATE INDEX order_view_user_idx ON order_view (user_id, placed_at DESC, order_id DESC);

-- The ordered lines: as placed until paid, then as paid (with unit prices).
CREATE TABLE order_line_view (
    order_id   VARCHAR(64) NOT NULL,
    line_no    INTEGER     NOT NULL,
    product_id VARCHAR(64) NOT NULL,
    quantity   INTEGER     NOT NULL,
    unit_price BIGINT,
    CONSTRAINT order_line_view_pk PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_line_view_order_fk FOREIGN KEY (order_id) REFERENCES order_view (order_id) ON DELETE CASCADE
);
