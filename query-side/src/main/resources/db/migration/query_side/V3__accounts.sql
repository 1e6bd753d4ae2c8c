-- Read model of the "accounts" processing group (dev.jangteo.query.account.AccountProjection).
-- balance is the absolute balance carried by the last wallet event, in won.

CREATE TABLE account_view (
    user_id    VARCHAR(64)  NOT NULL,
    email      VARCHAR(320) NOT NULL,
    name       VARCHAR(200) NOT NULL,
    balance    BIGINT       NOT NULL,
    opened_at  TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT account_view_pk PRIMARY KEY (user_id),
    CONSTRAINT account_view_balance_ck CHECK (balance >= 0)
);
