package dev.jangteo.query.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A product, its current price in won and its available stock (what is not reserved by orders). */
@Entity
@Table(name = ProductView.TABLE)
class ProductView {

    static final String TABLE = "product_view";

    @Id
    @Column(name = "product_id")
    private String productId;
    private String name;
    private String category;
    private long price;
    private int stock;
    @Column(name = "registered_at")
    private Instant registeredAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected ProductView() {
    }

    ProductView(String productId, String name, String category, long price, int stock, Instant registeredAt) {
        this.productId = productId;
        this.name = name;
        this.category = category;
        this.price = price;
        this.stock = stock;
        this.registeredAt = registeredAt;
        this.updatedAt = registeredAt;
    }

    void recordPrice(long price, Instant at) {
        this.price = price;
        this.updatedAt = at;
    }

    /** Stock events carry the stock after them, so applying one twice or replaying gives the same row. */
    void recordStock(int stock, Instant at) {
        this.stock = stock;
        this.updatedAt = at;
    }

    String productId() {
        return productId;
    }

    String name() {
        return name;
    }

    String category() {
        return category;
    }

    long price() {
        return price;
    }

    int stock() {
        return stock;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
