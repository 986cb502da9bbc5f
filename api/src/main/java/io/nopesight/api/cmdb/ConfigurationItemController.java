package io.nopesight.api.cmdb;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

import io.nopesight.api.security.CurrentPrincipal;
import io.nopesight.api.security.RequiredScope;
import io.nopesight.api.web.PageResponse;
import io.nopesight.api.web.Pagination;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.core.cmdb.ConfigurationItemQuery;
import io.nopesight.core.cmdb.ConfigurationItemSort;
import io.nopesight.core.cmdb.ConfigurationItemStatus;
import io.nopesight.core.cmdb.ConfigurationItemTypes;
import io.nopesight.core.cmdb.RelationshipManagement;

@RestController
@Tag(name = "Configuration items")
@RequestMapping("/v1/cmdb/ci")
class ConfigurationItemController {

	private final CmdbManagement cmdb;

	private final RelationshipManagement relationships;

	ConfigurationItemController(CmdbManagement cmdb, RelationshipManagement relationships) {
		this.cmdb = cmdb;
		this.relationships = relationships;
	}

	@GetMapping
	@RequiredScope("cmdb.read")
	ResponseEntity<PageResponse<ConfigurationItemSummary>> list(@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String search,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String order, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + Pagination.DEFAULT_LIMIT) int limit) {
		Pagination.check(page, limit);
		ConfigurationItemQuery query = new ConfigurationItemQuery(ConfigurationItemTypes.filter(emptyToNull(type)), status(status),
				emptyToNull(search), sort(sort), descending(order), page, limit);
		return PageResponse.of(this.cmdb.list(query), ConfigurationItemSummary::from);
	}

	@GetMapping("/{id}")
	@RequiredScope("cmdb.read")
	ConfigurationItemResponse get(@PathVariable String id) {
		ConfigurationItem ci = this.cmdb.get(id);
		return ConfigurationItemResponse.from(ci, this.relationships.of(id));
	}

	@PostMapping
	@RequiredScope("cmdb.write")
	ResponseEntity<Created> create(@RequestBody ConfigurationItemRequest request) {
		ConfigurationItem ci = this.cmdb.create(request.toNew(), CurrentPrincipal.owner());
		return ResponseEntity.created(URI.create("/v1/cmdb/ci/" + ci.id()))
			.body(new Created(ci.id(), ci.name(), "Configuration item created successfully"));
	}

	@PutMapping("/{id}")
	@RequiredScope("cmdb.write")
	ConfigurationItemResponse update(@PathVariable String id, @RequestBody ConfigurationItemRequest request) {
		ConfigurationItem ci = this.cmdb.update(id, request.toChanges(), CurrentPrincipal.owner());
		return ConfigurationItemResponse.from(ci, this.relationships.of(id));
	}

	@DeleteMapping("/{id}")
	@RequiredScope("cmdb.write")
	Message delete(@PathVariable String id) {
		this.cmdb.delete(id, CurrentPrincipal.owner());
		return new Message("Configuration item deleted successfully");
	}

	private static @Nullable ConfigurationItemStatus status(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		return ConfigurationItemStatus.fromValue(status.toLowerCase(Locale.ROOT))
			.orElseThrow(() -> new InvalidInputException("status",
					"Invalid status '" + status + "': use one of active, inactive, maintenance"));
	}

	private static @Nullable ConfigurationItemSort sort(@Nullable String sort) {
		if (sort == null || sort.isBlank()) {
			return null;
		}
		return ConfigurationItemSort.fromValue(sort)
			.orElseThrow(() -> new InvalidInputException("sort",
					"Cannot sort by '" + sort + "': use one of name, created_at, updated_at"));
	}

	private static boolean descending(@Nullable String order) {
		if (order == null || order.isBlank() || order.equalsIgnoreCase("asc")) {
			return false;
		}
		if (order.equalsIgnoreCase("desc")) {
			return true;
		}
		throw new InvalidInputException("order", "Invalid order '" + order + "': use asc or desc");
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	record Created(String id, String name, String message) {
	}

	record Message(String message) {
	}

}
