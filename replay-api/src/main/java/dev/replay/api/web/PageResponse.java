package dev.replay.api.web;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * One page of a list that is paged by number.
 *
 * @param <T> the item type
 * @param items the items on this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalItems how many items there are on all pages
 */
@NamedInterface("api")
public record PageResponse<T>(List<T> items, int page, int size, long totalItems) {

}
