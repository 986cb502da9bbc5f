package io.nopesight.api.auth;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.security.CurrentPrincipal;
import io.nopesight.api.security.RequiredScope;
import io.nopesight.core.access.Principal;

/**
 * {@code GET /v1/auth/whoami}: who a token acts as and what it may do, so a client (the console) can check a
 * token at sign-in and say which of its views the token cannot use, before a call is refused.
 */
@Tag(name = "Tokens")
@RestController
class WhoAmIController {

	@GetMapping("/v1/auth/whoami")
	@RequiredScope(RequiredScope.AUTHENTICATED)
	@Operation(summary = "The caller: owner, kind of token and scopes (admin grants every scope)")
	WhoAmI whoAmI() {
		Principal principal = CurrentPrincipal.get();
		return new WhoAmI(principal.owner(), principal.kind().name().toLowerCase(Locale.ROOT),
				principal.scopes().stream().sorted().toList());
	}

	record WhoAmI(String owner, String kind, List<String> scopes) {
	}

}
