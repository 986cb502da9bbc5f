package io.nopesight.api.cmdb;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

import io.nopesight.api.security.CurrentPrincipal;
import io.nopesight.api.security.RequiredScope;
import io.nopesight.api.web.PageResponse;
import io.nopesight.api.web.Pagination;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.Relationship;
import io.nopesight.core.cmdb.RelationshipManagement;
import io.nopesight.core.cmdb.RelationshipQuery;

@RestController
@Tag(name = "Relationships")
class RelationshipController {

	private final RelationshipManagement relationships;

	private final CmdbManagement cmdb;

	RelationshipController(RelationshipManagement relationships, CmdbManagement cmdb) {
		this.relationships = relationships;
		this.cmdb = cmdb;
	}

	@GetMapping("/v1/cmdb/relationships")
	@RequiredScope("cmdb.read")
	ResponseEntity<PageResponse<RelationshipResponse>> list(
			@RequestParam(name = "source_ci", required = false) @Nullable String sourceCi,
			@RequestParam(name = "target_ci", required = false) @Nullable String targetCi,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(name = "include_ai", defaultValue = "false") boolean includeAi,
			@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + Pagination.DEFAULT_LIMIT) int limit) {
		Pagination.check(page, limit);
		RelationshipQuery query = new RelationshipQuery(blankToNull(sourceCi), blankToNull(targetCi),
				blankToNull(type), includeAi, page, limit);
		return PageResponse.of(this.relationships.list(query), RelationshipResponse::from);
	}

	@GetMapping("/v1/cmdb/ci/{id}/relationships")
	@RequiredScope("cmdb.read")
	Relationships ofConfigurationItem(@PathVariable String id) {
		this.cmdb.get(id);
		return new Relationships(this.relationships.of(id).stream().map(RelationshipResponse::from).toList());
	}

	@PostMapping("/v1/cmdb/relationships")
	@RequiredScope("cmdb.write")
	ResponseEntity<RelationshipResponse> create(@RequestBody RelationshipRequest request) {
		Relationship created = this.relationships.create(request.toNew(), CurrentPrincipal.owner());
		return ResponseEntity.created(URI.create("/v1/cmdb/relationships/" + created.id()))
			.body(RelationshipResponse.from(created));
	}

	@GetMapping("/v1/cmdb/relationships/{id}")
	@RequiredScope("cmdb.read")
	RelationshipResponse get(@PathVariable String id) {
		return RelationshipResponse.from(this.relationships.get(id));
	}

	@DeleteMapping("/v1/cmdb/relationships/{id}")
	@RequiredScope("cmdb.write")
	ConfigurationItemController.Message delete(@PathVariable String id) {
		this.relationships.delete(id, CurrentPrincipal.owner());
		return new ConfigurationItemController.Message("Relationship deleted successfully");
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	record Relationships(List<RelationshipResponse> data) {
	}

}
