package dev.jangteo.query.account;

import dev.jangteo.api.PersonalData;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A wallet: who holds it and its balance in won, as of its last event. */
@Entity
@Table(name = AccountView.TABLE)
class AccountView {

    static final String TABLE = "account_view";

    @Id
    @Column(name = "user_id")
    private String userId;
    private String email;
    private String name;
    private long balance;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "closed_at")
    private Instant closedAt;

    protected AccountView() {
    }

    AccountView(String userId, String email, String name, Instant openedAt) {
        this.userId = userId;
        this.email = email;
        this.name = name;
        this.balance = 0;
        this.openedAt = openedAt;
        this.updatedAt = openedAt;
    }

    /** Wallet events carry the balance after them, so applying one twice or replaying gives the same row. */
    void recordBalance(long balance, Instant at) {
        this.balance = balance;
        this.updatedAt = at;
    }

    /** The holder's personal data goes; the balance and the dates stay. */
    void close(Instant at) {
        this.email = PersonalData.ERASED;
        this.name = PersonalData.ERASED;
        this.closedAt = at;
        this.updatedAt = at;
    }

    String userId() {
        return userId;
    }

    String email() {
        return email;
    }

    String name() {
        return name;
    }

    long balance() {
        return balance;
    }

    Instant openedAt() {
        return openedAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant closedAt() {
        return closedAt;
    }
}
