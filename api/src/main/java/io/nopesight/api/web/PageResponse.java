package io.nopesight.api.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;

import io.nopesight.core.Page;


/**
 * A list body, {@code {"data": [...], "pagination": {...}}}, sent with the paging headers.
 */
public record PageResponse<T>(List<T> data, Pagination pagination) {

	public static <S, T> ResponseEntity<PageResponse<T>> of(Page<S> page, Function<S, T> mapper) {
		Pagination pagination = Pagination.of(page);
		return ResponseEntity.ok()
			.headers(pagination.headers())
			.body(new PageResponse<>(page.items().stream().map(mapper).toList(), pagination));
	}

	public static <T> ResponseEntity<PageResponse<T>> of(Page<?> page, List<T> rows) {
		Pagination pagination = Pagination.of(page);
		return ResponseEntity.ok().headers(pagination.headers()).body(new PageResponse<>(rows, pagination));
	}

}
