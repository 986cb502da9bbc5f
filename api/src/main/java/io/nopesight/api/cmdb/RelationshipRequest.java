package io.nopesight.api.cmdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;
import io.nopesight.core.cmdb.NewRelationship;

/**
 * The body of {@code POST /v1/cmdb/relationships} and of {@code PUT /v1/cmdb/relationships/{id}}. API-created relationships are {@code manual} unless
 * the client says otherwise.
 */
record RelationshipRequest(@Nullable String type, @Nullable String sourceCi, @Nullable String targetCi,
		@Nullable Map<String, @Nullable Object> attributes, @Nullable String discoveredBy,
		@Nullable Double confidence) {

	/**
	 * What a {@code PUT} may change: the attributes only. The type and the two ends make the relationship what
	 * it is; to change those, delete it and create another.
	 */
	Map<String, @Nullable Object> toAttributeChanges() {
		List<FieldError> errors = new ArrayList<>();
		if (this.type != null || this.sourceCi != null || this.targetCi != null) {
			errors.add(new FieldError("type", "a relationship's type and ends cannot change: delete it and create "
					+ "another"));
		}
		if (this.discoveredBy != null || this.confidence != null) {
			errors.add(new FieldError("discovered_by", "who found a relationship and how sure it is are not edited"));
		}
		if (this.attributes == null) {
			errors.add(new FieldError("attributes", "attributes are required: the keys to set (null removes one)"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return this.attributes;
	}

	NewRelationship toNew() {
		return new NewRelationship(this.type, this.sourceCi, this.targetCi, this.attributes, this.discoveredBy,
				this.confidence);
	}

}
