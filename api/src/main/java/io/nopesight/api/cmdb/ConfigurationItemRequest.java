package io.nopesight.api.cmdb;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.nopesight.core.cmdb.ConfigurationItemChanges;
import io.nopesight.core.cmdb.NewConfigurationItem;

/**
 * The body of {@code POST} and {@code PUT /v1/cmdb/ci}: on PUT every field is optional and
 * {@code attributes}/{@code custom_fields} merge key by key (null removes a key).
 */
record ConfigurationItemRequest(@Nullable String name, @Nullable String type, @Nullable String status,
		@Nullable String description, @Nullable Map<String, @Nullable Object> attributes,
		@Nullable Map<String, @Nullable Object> customFields) {

	NewConfigurationItem toNew() {
		return new NewConfigurationItem(this.name, this.type, this.status, this.description, this.attributes,
				this.customFields);
	}

	ConfigurationItemChanges toChanges() {
		return new ConfigurationItemChanges(this.name, this.type, this.status, this.description, this.attributes,
				this.customFields);
	}

}
