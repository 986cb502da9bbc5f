package io.nopesight.api.service;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.security.CurrentPrincipal;
import io.nopesight.api.security.RequiredScope;
import io.nopesight.api.web.PageResponse;
import io.nopesight.api.web.Pagination;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;
import io.nopesight.core.Timestamps;
import io.nopesight.correlation.service.BusinessService;
import io.nopesight.correlation.service.DependencyImpact;
import io.nopesight.correlation.service.DependencyMap;
import io.nopesight.correlation.service.DependencyMapRenderer;
import io.nopesight.correlation.service.DependencyType;
import io.nopesight.correlation.service.HealthStatus;
import io.nopesight.correlation.service.NewService;
import io.nopesight.correlation.service.ServiceDependencies;
import io.nopesight.correlation.service.ServiceDependency;
import io.nopesight.correlation.service.ServiceQuery;
import io.nopesight.correlation.service.Services;
import io.nopesight.correlation.service.SlaReport;

/**
 * Business services: create, list, read, change and delete them; their dependencies on each other; their SLA.
 */
@Tag(name = "Services")
@RestController
class ServiceController {

	private static final Duration SLA_WINDOW = Duration.ofDays(30);

	private final Services services;

	private final Clock clock;

	private final DependencyMapRenderer renderer = new DependencyMapRenderer();

	ServiceController(Services services, Clock clock) {
		this.services = services;
		this.clock = clock;
	}

	@PostMapping("/v1/services")
	@RequiredScope("services.write")
	@Operation(summary = "Create a business service",
			description = "`name` is required and unique; `criticality` critical, high, medium (default) or low; "
					+ "`sla.availability` a percentage (\"99.9%\"); `components` name their CI by `ci_id` (an id or "
					+ "a unique name) with a `role`.")
	ResponseEntity<ServiceResponse> create(@RequestBody(required = false) @Nullable ServiceRequest request) {
		BusinessService created = this.services.create(required(request).toNew(), CurrentPrincipal.owner());
		return ResponseEntity.created(URI.create("/v1/services/" + created.id())).body(response(created));
	}

	@GetMapping("/v1/services")
	@RequiredScope("services.read")
	@Operation(summary = "List business services by name",
			description = "Filters: `criticality`, `health` (healthy, degraded, down), `search` (name or description).")
	ResponseEntity<PageResponse<ServiceResponse>> list(@RequestParam(required = false) @Nullable String criticality,
			@RequestParam(required = false) @Nullable String health,
			@RequestParam(required = false) @Nullable String search, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + Pagination.DEFAULT_LIMIT) int limit) {
		Pagination.check(page, limit);
		List<FieldError> errors = new ArrayList<>();
		String criticalityValue = null;
		if (criticality != null && !criticality.isBlank()) {
			criticalityValue = criticality.strip().toLowerCase(Locale.ROOT);
			if (!List.of("critical", "high", "medium", "low").contains(criticalityValue)) {
				errors.add(new FieldError("criticality",
						"Invalid criticality '" + criticality + "': use one of critical, high, medium, low"));
			}
		}
		HealthStatus healthStatus = null;
		if (health != null && !health.isBlank()) {
			healthStatus = HealthStatus.fromValue(health).orElse(null);
			if (healthStatus == null) {
				errors.add(new FieldError("health", "Invalid health '" + health + "': use one of healthy, degraded, down"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		ServiceQuery query = new ServiceQuery(criticalityValue, healthStatus,
				(search != null && !search.isBlank()) ? search.strip() : null, page, limit);
		return PageResponse.of(this.services.list(query), this::response);
	}

	@GetMapping("/v1/services/{id}")
	@RequiredScope("services.read")
	@Operation(summary = "One business service: components, health with its reasons, SLA over the last 30 days")
	ServiceResponse get(@PathVariable String id) {
		return response(this.services.get(id));
	}

	@PutMapping("/v1/services/{id}")
	@RequiredScope("services.write")
	@Operation(summary = "Change a business service", description = "Fields sent replace the stored ones "
			+ "(`components` as a whole); fields left out stay as they are.")
	ServiceResponse update(@PathVariable String id, @RequestBody(required = false) @Nullable ServiceRequest request) {
		return response(this.services.update(id, required(request).toNew(), CurrentPrincipal.owner()));
	}

	@DeleteMapping("/v1/services/{id}")
	@RequiredScope("services.write")
	@Operation(summary = "Delete a business service", description = "Its dependencies, either way, go with it.")
	Map<String, String> delete(@PathVariable String id) {
		this.services.delete(id, CurrentPrincipal.owner());
		return Map.of("message", "Service deleted successfully");
	}

	@PostMapping("/v1/services/{id}/dependencies")
	@RequiredScope("services.write")
	@Operation(summary = "Make this service depend on another",
			description = "`service_id` is the service depended on; `type` required or optional; `impact` "
					+ "full_outage or degraded_functionality. Sending it again changes type and impact. A dependency "
					+ "that would close a cycle is refused with 409, naming the cycle.")
	ResponseEntity<DependenciesResponse> addDependency(@PathVariable String id,
			@RequestBody(required = false) @Nullable DependencyRequest request) {
		DependencyRequest body = (request != null) ? request : new DependencyRequest(null, null, null);
		List<FieldError> errors = new ArrayList<>();
		if (body.serviceId() == null || body.serviceId().isBlank()) {
			errors.add(new FieldError("service_id", "service_id is required: the service this one depends on"));
		}
		DependencyType type = (body.type() == null) ? null : DependencyType.fromValue(body.type()).orElse(null);
		if (type == null) {
			errors.add(new FieldError("type", "type is required: required or optional"));
		}
		DependencyImpact impact = (body.impact() == null) ? null
				: DependencyImpact.fromValue(body.impact()).orElse(null);
		if (impact == null) {
			errors.add(new FieldError("impact", "impact is required: full_outage or degraded_functionality"));
		}
		if (!errors.isEmpty() || type == null || impact == null || body.serviceId() == null) {
			throw new InvalidInputException(errors);
		}
		ServiceDependencies dependencies = this.services.addDependency(id, body.serviceId().strip(), type, impact,
				CurrentPrincipal.owner());
		return ResponseEntity.status(201).body(DependenciesResponse.from(dependencies));
	}

	@DeleteMapping("/v1/services/{id}/dependencies/{upstreamId}")
	@RequiredScope("services.write")
	@Operation(summary = "Remove this service's dependency on another")
	DependenciesResponse removeDependency(@PathVariable String id, @PathVariable String upstreamId) {
		return DependenciesResponse.from(this.services.removeDependency(id, upstreamId, CurrentPrincipal.owner()));
	}

	@GetMapping("/v1/services/{id}/dependencies")
	@RequiredScope("services.read")
	@Operation(summary = "What this service depends on (upstream) and what depends on it (downstream)")
	DependenciesResponse dependencies(@PathVariable String id) {
		return DependenciesResponse.from(this.services.dependencies(id));
	}

	@GetMapping("/v1/services/{id}/sla")
	@RequiredScope("services.read")
	@Operation(summary = "Availability over a period against the SLA, with the outages",
			description = "`from`/`to` default to the last 30 days. `availability` is the share of the time the "
					+ "service was not down, `healthy` the share it was neither down nor degraded, in percent.")
	SlaResponse sla(@PathVariable String id, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		List<FieldError> errors = new ArrayList<>();
		Instant toInstant = instant("to", to, errors);
		Instant fromInstant = instant("from", from, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Instant end = (toInstant != null) ? toInstant : this.clock.instant();
		Instant start = (fromInstant != null) ? fromInstant : end.minus(SLA_WINDOW);
		return SlaResponse.from(this.services.sla(id, start, end));
	}

	@GetMapping("/v1/services/{id}/dependency-map.svg")
	@RequiredScope("services.read")
	@Operation(summary = "The service's dependency map, as SVG or (format=png) PNG",
			description = "The service, its components and the CIs they run on or depend on, the services it "
					+ "depends on and those that depend on it, coloured by their health now, with a legend; laid out "
					+ "by Eclipse ELK's layered algorithm.")
	ResponseEntity<byte[]> dependencyMap(@PathVariable String id, @RequestParam(required = false) @Nullable String format) {
		String wanted = (format == null || format.isBlank()) ? "svg" : format.strip().toLowerCase(Locale.ROOT);
		if (!wanted.equals("svg") && !wanted.equals("png")) {
			throw new InvalidInputException("format", "Invalid format '" + format + "': use svg or png");
		}
		DependencyMap map = this.services.dependencyMap(id);
		if (wanted.equals("png")) {
			return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(this.renderer.png(map));
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("image/svg+xml"))
			.body(this.renderer.svg(map).getBytes(StandardCharsets.UTF_8));
	}

	private ServiceResponse response(BusinessService service) {
		Instant now = this.clock.instant();
		return ServiceResponse.from(service, this.services.sla(service.id(), now.minus(SLA_WINDOW), now));
	}

	private static ServiceRequest required(@Nullable ServiceRequest request) {
		if (request == null) {
			throw new InvalidInputException("body", "a JSON object describing the service is required");
		}
		return request;
	}

	private static @Nullable Instant instant(String field, @Nullable String value, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Instant parsed = Timestamps.parse(value).orElse(null);
		if (parsed == null) {
			errors.add(new FieldError(field, Timestamps.invalid(field, value)));
		}
		return parsed;
	}

	record ServiceRequest(@Nullable String name, @Nullable String description, @Nullable String criticality,
			@Nullable SlaRequest sla, @Nullable List<ComponentRequest> components) {

		NewService toNew() {
			return new NewService(this.name, this.description, this.criticality,
					(this.sla != null) ? new BusinessService.Sla(this.sla.availability(), this.sla.responseTime()) : null,
					(this.components != null) ? this.components.stream()
						.map((c) -> (c != null) ? new NewService.NewComponent(c.ciId(), c.role())
								: new NewService.NewComponent(null, null))
						.toList() : null);
		}

	}

	record SlaRequest(@Nullable String availability, @Nullable String responseTime) {
	}

	record ComponentRequest(@Nullable String ciId, @Nullable String role) {
	}

	record DependencyRequest(@Nullable String serviceId, @Nullable String type, @Nullable String impact) {
	}

	record DependenciesResponse(String serviceId, Dependencies dependencies, DependencyMapLink dependencyMap) {

		static DependenciesResponse from(ServiceDependencies d) {
			return new DependenciesResponse(d.serviceId(),
					new Dependencies(d.upstream().stream().map(Entry::from).toList(),
							d.downstream().stream().map(Entry::from).toList()),
					new DependencyMapLink("/v1/services/" + d.serviceId() + "/dependency-map.svg"));
		}

	}

	record Dependencies(List<Entry> upstream, List<Entry> downstream) {
	}

	record Entry(String serviceId, String name, String type, String impact, String health) {

		static Entry from(ServiceDependency d) {
			return new Entry(d.serviceId(), d.name(), d.type().value(), d.impact().value(), d.health().value());
		}

	}

	record DependencyMapLink(String visualizationUrl) {
	}

	record SlaResponse(String serviceId, Instant from, Instant to, @Nullable Double target, double availability,
			double healthy, @Nullable Boolean met, double downMinutes, double degradedMinutes, List<OutageBody> outages) {

		static SlaResponse from(SlaReport r) {
			return new SlaResponse(r.serviceId(), r.from(), r.to(), r.target(), r.availability(), r.healthy(), r.met(),
					r.downMinutes(), r.degradedMinutes(),
					r.outages()
						.stream()
						.map((o) -> new OutageBody(o.from(), o.to(), o.ongoing(), o.minutes(),
								o.reasons().stream().map(ServiceResponse.ReasonBody::from).toList()))
						.toList());
		}

	}

	record OutageBody(Instant from, Instant to, boolean ongoing, double minutes, List<ServiceResponse.ReasonBody> reasons) {
	}

}
