package io.nopesight.api.cmdb;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.nopesight.api.security.CurrentPrincipal;
import io.nopesight.api.security.RequiredScope;
import io.nopesight.api.web.PageResponse;
import io.nopesight.api.web.Pagination;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.PreconditionFailedException;
import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.core.cmdb.ConfigurationItemExistsException;
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
	@ApiResponse(responseCode = "200", description = "The CI; its revision is the `ETag` header",
			headers = @Header(name = "ETag", description = "the CI's revision, for If-Match"))
	@ApiResponse(responseCode = "304", description = "Not modified: the If-None-Match ETag is still current")
	ResponseEntity<ConfigurationItemResponse> get(@PathVariable String id, WebRequest request) {
		ConfigurationItem ci = this.cmdb.get(id);
		String etag = Revisions.etag(ci.revision());
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
		}
		return ResponseEntity.ok().eTag(etag).body(ConfigurationItemResponse.from(ci, this.relationships.of(id)));
	}

	@PostMapping
	@RequiredScope("cmdb.write")
	@ApiResponse(responseCode = "201", description = "Created, at revision 1 (`ETag`)")
	@ApiResponse(responseCode = "412", description = "If-None-Match: * and a CI of that type and name exists")
	ResponseEntity<Created> create(@RequestBody ConfigurationItemRequest request,
			@Parameter(description = Revisions.IF_NONE_MATCH_DESCRIPTION) @RequestHeader(
					name = Revisions.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		boolean onlyIfAbsent = Revisions.ifNoneMatchAny(ifNoneMatch);
		ConfigurationItem ci;
		try {
			ci = this.cmdb.create(request.toNew(), CurrentPrincipal.owner());
		}
		catch (ConfigurationItemExistsException ex) {
			if (onlyIfAbsent) {
				throw new PreconditionFailedException(ex.getMessage(), 0);
			}
			throw ex;
		}
		return ResponseEntity.created(URI.create("/v1/cmdb/ci/" + ci.id()))
			.eTag(Revisions.etag(ci.revision()))
			.body(new Created(ci.id(), ci.name(), "Configuration item created successfully"));
	}

	@PutMapping("/{id}")
	@RequiredScope("cmdb.write")
	@ApiResponse(responseCode = "200", description = "Updated; the new revision is the `ETag` header",
			headers = @Header(name = "ETag", description = "the CI's new revision"))
	@ApiResponse(responseCode = "412", description = "If-Match names a revision the CI is no longer at")
	ResponseEntity<ConfigurationItemResponse> update(@PathVariable String id,
			@RequestBody ConfigurationItemRequest request,
			@Parameter(description = Revisions.IF_MATCH_DESCRIPTION) @RequestHeader(name = Revisions.IF_MATCH,
					required = false) @Nullable String ifMatch) {
		ConfigurationItem ci = this.cmdb.update(id, request.toChanges(), CurrentPrincipal.owner(),
				Revisions.ifMatch(ifMatch));
		return ResponseEntity.ok()
			.eTag(Revisions.etag(ci.revision()))
			.body(ConfigurationItemResponse.from(ci, this.relationships.of(id)));
	}

	@DeleteMapping("/{id}")
	@RequiredScope("cmdb.write")
	@ApiResponse(responseCode = "412", description = "If-Match names a revision the CI is no longer at")
	Message delete(@PathVariable String id, @Parameter(description = Revisions.IF_MATCH_DESCRIPTION) @RequestHeader(
			name = Revisions.IF_MATCH, required = false) @Nullable String ifMatch) {
		this.cmdb.delete(id, CurrentPrincipal.owner(), Revisions.ifMatch(ifMatch));
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
