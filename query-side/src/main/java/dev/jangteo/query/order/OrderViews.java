package dev.jangteo.query.order;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrderViews extends JpaRepository<OrderView, String> {

    Page<OrderView> findByUserId(String userId, Pageable pageable);
}
