package dev.jangteo.query.catalog;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProductViews extends JpaRepository<ProductView, String> {

    Page<ProductView> findByCategory(String category, Pageable pageable);
}
