package io.nopesight.api.cmdb;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
import io.nopesight.core.PreconditionFailedException;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.Relationship;
import io.nopesight.core.cmdb.RelationshipExistsException;
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
	@ApiResponse(responseCode = "201", description = "Created, at revision 1 (`ETag`)")
	@ApiResponse(responseCode = "412", description = "If-None-Match: * and such a relationship exists")
	ResponseEntity<RelationshipResponse> create(@RequestBody RelationshipRequest request,
			@Parameter(description = Revisions.IF_NONE_MATCH_DESCRIPTION) @RequestHeader(
					name = Revisions.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		boolean onlyIfAbsent = Revisions.ifNoneMatchAny(ifNoneMatch);
		Relationship created;
		try {
			created = this.relationships.create(request.toNew(), CurrentPrincipal.owner());
		}
		catch (RelationshipExistsException ex) {
			if (onlyIfAbsent) {
				throw new PreconditionFailedException(ex.getMessage(), 0);
			}
			throw ex;
		}
		return ResponseEntity.created(URI.create("/v1/cmdb/relationships/" + created.id()))
			.eTag(Revisions.etag(created.revision()))
			.body(RelationshipResponse.from(created));
	}

	@GetMapping("/v1/cmdb/relationships/{id}")
	@RequiredScope("cmdb.read")
	@ApiResponse(responseCode = "200", description = "The relationship; its revision is the `ETag` header",
			headers = @Header(name = "ETag", description = "the relationship's revision, for If-Match"))
	@ApiResponse(responseCode = "304", description = "Not modified: the If-None-Match ETag is still current")
	ResponseEntity<RelationshipResponse> get(@PathVariable String id, WebRequest request) {
		Relationship relationship = this.relationships.get(id);
		String etag = Revisions.etag(relationship.revision());
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
		}
		return ResponseEntity.ok().eTag(etag).body(RelationshipResponse.from(relationship));
	}

	@PutMapping("/v1/cmdb/relationships/{id}")
	@RequiredScope("cmdb.write")
	@ApiResponse(responseCode = "200", description = "Updated; the new revision is the `ETag` header",
			headers = @Header(name = "ETag", description = "the relationship's new revision"))
	@ApiResponse(responseCode = "412", description = "If-Match names a revision the relationship is no longer at")
	ResponseEntity<RelationshipResponse> update(@PathVariable String id, @RequestBody RelationshipRequest request,
			@Parameter(description = Revisions.IF_MATCH_DESCRIPTION) @RequestHeader(name = Revisions.IF_MATCH,
					required = false) @Nullable String ifMatch) {
		Relationship updated = this.relationships.update(id, request.toAttributeChanges(), CurrentPrincipal.owner(),
				Revisions.ifMatch(ifMatch));
		return ResponseEntity.ok().eTag(Revisions.etag(updated.revision())).body(RelationshipResponse.from(updated));
	}

	@DeleteMapping("/v1/cmdb/relationships/{id}")
	@RequiredScope("cmdb.write")
	@ApiResponse(responseCode = "412", description = "If-Match names a revision the relationship is no longer at")
	ConfigurationItemController.Message delete(@PathVariable String id,
			@Parameter(description = Revisions.IF_MATCH_DESCRIPTION) @RequestHeader(name = Revisions.IF_MATCH,
					required = false) @Nullable String ifMatch) {
		this.relationships.delete(id, CurrentPrincipal.owner(), Revisions.ifMatch(ifMatch));
		return new ConfigurationItemController.Message("Relationship deleted successfully");
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	record Relationships(List<RelationshipResponse> data) {
	}

}
