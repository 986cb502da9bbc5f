package io.nopesight.api.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;
import io.nopesight.core.Page;

/**
 * The body's {@code pagination} object; {@link #headers} gives the matching {@code X-Total-Count},
 * {@code X-Page}, {@code X-Per-Page}, {@code X-Total-Pages} and {@code Link} headers.
 */
public record Pagination(int page, int limit, long total, long pages) {

	public static final int DEFAULT_LIMIT = 20;

	public static final int MAX_LIMIT = 100;

	public static Pagination of(Page<?> page) {
		return new Pagination(page.page(), page.limit(), page.total(), page.pages());
	}

	/**
	 * Checks {@code page} and {@code limit} as a client sent them.
	 */
	public static void check(int page, int limit) {
		List<FieldError> errors = new ArrayList<>();
		if (page < 1) {
			errors.add(new FieldError("page", "page must be 1 or more"));
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			errors.add(new FieldError("limit", "limit must be between 1 and " + MAX_LIMIT));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Total-Count", Long.toString(this.total));
		headers.set("X-Page", Integer.toString(this.page));
		headers.set("X-Per-Page", Integer.toString(this.limit));
		headers.set("X-Total-Pages", Long.toString(this.pages));
		// the request's URL is parsed once; each link is a copy with its page
		UriComponentsBuilder current = ServletUriComponentsBuilder.fromCurrentRequest();
		List<String> links = new ArrayList<>(4);
		long last = Math.max(1, this.pages);
		if (this.page < last) {
			links.add(link(current, this.page + 1, "next"));
		}
		if (this.page > 1) {
			links.add(link(current, Math.min(this.page - 1, last), "prev"));
		}
		links.add(link(current, 1, "first"));
		links.add(link(current, last, "last"));
		headers.set(HttpHeaders.LINK, String.join(", ", links));
		return headers;
	}

	private String link(UriComponentsBuilder current, long page, String rel) {
		UriComponentsBuilder uri = current.cloneBuilder()
			.replaceQueryParam("page", page)
			.replaceQueryParam("limit", this.limit);
		return "<" + uri.build().toUriString() + ">; rel=\"" + rel + "\"";
	}

}
