package dev.jangteo.query.account;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccountViews extends JpaRepository<AccountView, String> {
}
