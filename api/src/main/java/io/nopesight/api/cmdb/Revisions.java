package io.nopesight.api.cmdb;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ETag;

import io.nopesight.core.ExpectedRevision;
import io.nopesight.core.InvalidInputException;

/**
 * A resource's revision as HTTP carries it: the strong entity tag {@code "<revision>"} in {@code ETag}, and
 * what {@code If-Match} and {@code If-None-Match} ask of it.
 */
final class Revisions {

	static final String IF_MATCH = "If-Match";

	static final String IF_NONE_MATCH = "If-None-Match";

	static final String IF_MATCH_DESCRIPTION = "Apply only if the resource is still at this ETag (as returned by "
			+ "GET or the last write); otherwise 412 PRECONDITION_FAILED. `*` matches any revision.";

	static final String IF_NONE_MATCH_DESCRIPTION = "`*`: create only if no such resource exists yet (same type and "
			+ "name for a CI, same type and ends for a relationship); otherwise 412 PRECONDITION_FAILED instead of "
			+ "409 CONFLICT.";

	private Revisions() {
	}

	static String etag(long revision) {
		return "\"" + revision + "\"";
	}

	/**
	 * What {@code If-Match} expects, or {@code null} for no condition (no header, or {@code *}: the resource
	 * exists, which the write finds out anyway). Weak tags never match, as RFC 9110 compares strongly here.
	 */
	static @Nullable ExpectedRevision ifMatch(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		if (header.strip().equals("*")) {
			return null;
		}
		Set<Long> revisions = new LinkedHashSet<>();
		for (ETag tag : ETag.parse(header)) {
			if (tag.isWildcard()) {
				return null;
			}
			if (!tag.weak() && tag.tag().matches("[0-9]{1,18}")) {
				revisions.add(Long.parseLong(tag.tag()));
			}
		}
		return new ExpectedRevision(revisions);
	}

	/**
	 * Whether a create asks {@code If-None-Match: *}; any other value there means nothing to a create.
	 */
	static boolean ifNoneMatchAny(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return false;
		}
		if (!header.strip().equals("*")) {
			throw new InvalidInputException(IF_NONE_MATCH, "only * (create if absent) applies to a create");
		}
		return true;
	}

}
