-- Read model of the "catalog" processing group (dev.jangteo.query.catalog.CatalogProjection).
-- stock is the available stock carried by the last stock event; price is in won.

CREATE TABLE product_view (
    product_id    VARCHAR(64)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    category      VARCHAR(100) NOT NULL,
    price         BIGINT       NOT NULL,
    stock         INTEGER      NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT product_view_pk PRIMARY KEY (product_id),
    CONSTRAINT product_view_stock_ck CHECK (stock >= 0)
);

-- The two listings: by category, and all products; both sorted by name then id.
CREATE INDEX product_view_category_idx ON product_view (category, name, product_id);
CREATE INDEX product_view_name_idx ON product_view (name, product_id);
