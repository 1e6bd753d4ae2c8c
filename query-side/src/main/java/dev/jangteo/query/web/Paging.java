package dev.jangteo.query.web;

import dev.jangteo.platform.web.ApiException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** The {@code page} and {@code size} query parameters of every listing, checked before they reach a query. */
public final class Paging {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    private Paging() {
    }

    /** Page 0 and size 20 when absent; 400 VALIDATION_FAILED for a negative page, a size outside 1..100 or an
     * offset past what a SQL query can skip. */
    public static Pageable of(Integer page, Integer size, Sort sort) {
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageNumber < 0) {
            throw ApiException.invalid("page must be 0 or more");
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw ApiException.invalid("size must be between 1 and " + MAX_SIZE);
        }
        if ((long) pageNumber * pageSize > Integer.MAX_VALUE) {
            throw ApiException.invalid("page is too far: page x size must be at most " + Integer.MAX_VALUE);
        }
        return PageRequest.of(pageNumber, pageSize, sort);
    }
}
