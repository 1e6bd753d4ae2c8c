-- Read model of the "sales" processing group (dev.jangteo.query.sales.SalesProjection).
-- sales_date is the day of the payment in the configured time zone (jangteo.sales.time-zone): changing the zone
-- needs a replay of the group. Revenue is gross line revenue (quantity x unit price, in won); order discounts are
-- not spread over lines but kept per day in daily_discount. Cancellations subtract from the day of the payment.

CREATE TABLE sales_product (
    product_id VARCHAR(64) NOT NULL,
    CONSTRAINT sales_product_pk PRIMARY KEY (product_id)
);

CREATE TABLE product_daily_sales (
    product_id VARCHAR(64) NOT NULL,
    sales_date DATE        NOT NULL,
    quantity   BIGINT      NOT NULL,
    revenue    BIGINT      NOT NULL,
    CONSTRAINT product_daily_sales_pk PRIMARY KEY (product_id, sales_date)
);

-- The rankings read one day (or a range of days) across all products.
CREATE INDEX product_daily_sales_date_idx ON product_daily_sales (sales_date, product_id);

CREATE TABLE daily_discount (
    sales_date DATE   NOT NULL,
    discount   BIGINT NOT NULL,
    CONSTRAINT daily_discount_pk PRIMARY KEY (sales_date)
);
