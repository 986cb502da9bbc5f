package io.nopesight.api.auth;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.security.CurrentPrincipal;
import io.nopesight.api.security.RequiredScope;
import io.nopesight.api.web.PageResponse;
import io.nopesight.api.web.Pagination;
import io.nopesight.core.access.IssuedToken;
import io.nopesight.core.access.Principal;
import io.nopesight.core.access.Scopes;
import io.nopesight.core.access.ServiceAccount;
import io.nopesight.core.access.ServiceAccounts;

/**
 * Service accounts and their keys. Requests made with a key act as the account's name.
 */
@Tag(name = "Service accounts")
@RestController
@RequestMapping("/v1/auth/service-accounts")
class ServiceAccountController {

	private final ServiceAccounts accounts;

	private final Clock clock;

	ServiceAccountController(ServiceAccounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@PostMapping
	@RequiredScope(Principal.ADMIN_SCOPE)
	ResponseEntity<ServiceAccountResponse> create(@RequestBody ServiceAccountRequest request) {
		ServiceAccount account = this.accounts.create(TokenRequest.text("name", request.name(), true),
				TokenRequest.text("description", request.description(), false),
				Scopes.check(request.scopes(), "scopes"), CurrentPrincipal.owner());
		return ResponseEntity.created(URI.create("/v1/auth/service-accounts/" + account.id()))
			.body(ServiceAccountResponse.from(account));
	}

	@GetMapping
	@RequiredScope(Principal.ADMIN_SCOPE)
	ResponseEntity<PageResponse<ServiceAccountResponse>> list(@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + Pagination.DEFAULT_LIMIT) int limit) {
		Pagination.check(page, limit);
		return PageResponse.of(this.accounts.list(page, limit), ServiceAccountResponse::from);
	}

	@GetMapping("/{id}")
	@RequiredScope(Principal.ADMIN_SCOPE)
	ServiceAccountResponse get(@PathVariable String id) {
		return ServiceAccountResponse.from(this.accounts.get(id));
	}

	@DeleteMapping("/{id}")
	@RequiredScope(Principal.ADMIN_SCOPE)
	Message delete(@PathVariable String id) {
		this.accounts.delete(id);
		return new Message("Service account deleted and its keys revoked");
	}

	@PostMapping("/{id}/keys")
	@RequiredScope(Principal.ADMIN_SCOPE)
	ResponseEntity<IssuedTokenResponse> createKey(@PathVariable String id, @RequestBody TokenRequest request) {
		IssuedToken key = this.accounts.issueKey(id, request.checkedName(), request.optionalScopes(),
				request.expiresAt(this.clock.instant()), CurrentPrincipal.owner());
		return ResponseEntity.created(URI.create("/v1/auth/service-accounts/" + id + "/keys/" + key.id()))
			.body(IssuedTokenResponse.from(key));
	}

	@GetMapping("/{id}/keys")
	@RequiredScope(Principal.ADMIN_SCOPE)
	ResponseEntity<PageResponse<TokenResponse>> keys(@PathVariable String id, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + Pagination.DEFAULT_LIMIT) int limit) {
		Pagination.check(page, limit);
		Instant now = this.clock.instant();
		return PageResponse.of(this.accounts.keys(id, page, limit), (key) -> TokenResponse.from(key, now));
	}

	@DeleteMapping("/{id}/keys/{keyId}")
	@RequiredScope(Principal.ADMIN_SCOPE)
	TokenResponse revokeKey(@PathVariable String id, @PathVariable String keyId) {
		return TokenResponse.from(this.accounts.revokeKey(id, keyId), this.clock.instant());
	}

	record ServiceAccountRequest(@Nullable String name, @Nullable String description, @Nullable List<String> scopes) {
	}

	record ServiceAccountResponse(String id, String name, @Nullable String description, List<String> scopes,
			Instant createdAt, @Nullable String createdBy) {

		static ServiceAccountResponse from(ServiceAccount account) {
			return new ServiceAccountResponse(account.id(), account.name(), account.description(), account.scopes(),
					account.createdAt(), account.createdBy());
		}

	}

	record Message(String message) {
	}

}
