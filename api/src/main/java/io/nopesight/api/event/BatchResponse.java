package io.nopesight.api.event;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code POST /v1/events/batch}: how many events were new and how many duplicates, and each
 * one's id in the order they were sent.
 */
record BatchResponse(int created, int deduplicated, List<Taken> data) {

	/**
	 * One event of the batch.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Taken(String id, boolean deduplicated, @Nullable String matchedOn) {
	}

}
