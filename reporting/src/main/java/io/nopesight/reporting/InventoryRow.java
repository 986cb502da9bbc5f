package io.nopesight.reporting;

import java.time.Instant;
import java.util.Date;

import org.jspecify.annotations.Nullable;

/**
 * A CI as the inventory lists it, under its group.
 */
record InventoryRow(String group, String name, String type, String status, @Nullable String environment,
		@Nullable String location, @Nullable String department, @Nullable Instant updatedAt) implements ReportRow {

	@Override
	public @Nullable Object value(String field) {
		return switch (field) {
			case "group" -> this.group;
			case "name" -> this.name;
			case "type" -> this.type;
			case "status" -> this.status;
			case "environment" -> this.environment;
			case "location" -> this.location;
			case "department" -> this.department;
			case "updated_at" -> (this.updatedAt != null) ? Date.from(this.updatedAt) : null;
			default -> throw new IllegalArgumentException("The inventory has no field '" + field + "'");
		};
	}

}
