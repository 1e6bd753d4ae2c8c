package dev.jangteo.query.web;

import org.springframework.data.domain.Page;

import java.util.List;

/** One page of a listing: its items, which page of what size, and how many items there are in all. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public static <T> PageOf<T> of(Page<T> page) {
        return new PageOf<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
    }
}
