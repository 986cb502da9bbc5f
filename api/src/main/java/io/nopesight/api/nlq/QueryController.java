package io.nopesight.api.nlq;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.nopesight.api.security.RequiredScope;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.Timestamps;
import io.nopesight.nlq.NaturalLanguageQueries;
import io.nopesight.nlq.QueryAnswer;
import io.nopesight.nlq.Question;

/**
 * Plain-English questions about the estate.
 */
@Tag(name = "AI query")
@RestController
class QueryController {

	private final NaturalLanguageQueries queries;

	QueryController(NaturalLanguageQueries queries) {
		this.queries = queries;
	}

	@PostMapping("/v1/reports/ai/query")
	@RequiredScope("reports.query")
	@Operation(summary = "Ask a question in plain English",
			description = "Reads the question into a typed plan (shown as `interpretation`; `source` says whether the "
					+ "offline reader or the optional LLM read it) and runs it as parameterised SQL. `results` are shaped "
					+ "by `answer_type` (`list`, `top`, `count`, `aggregate`, `group`). Read: CI types, status, environment, "
					+ "OS, location, manufacturer, department, cost center, owner, engine, virtual or physical, sizes, IP, "
					+ "names, negation; metrics over a window (conditions, rankings, figures); events (severity, status, "
					+ "source, window, the CIs they are on, rankings by number of events); relationships (runs on, hosts, "
					+ "depends on, impact of a failure, installed software); and \"will run out\" questions answered from "
					+ "the forecasts. `include_predictions` adds `projected_exhaustion` and `exhaustion_interval` to CI rows; "
					+ "`insights` are facts about the result in `time_zone`; `recommendations` come from the capacity "
					+ "agent. A question it cannot read is answered 422 `QUERY_NOT_UNDERSTOOD` with suggestions, never "
					+ "guessed. `without` leaves parts of the reading out (`filters/N`, the N-th of `interpretation.filters` "
					+ "as the question alone is read, and `group_by`), as the console does when a chip is removed.")
	QueryAnswer ask(@RequestBody(required = false) @Nullable QueryRequest request) {
		if (request == null) {
			throw new InvalidInputException("query", "a JSON body with a query is required");
		}
		QueryRequest.Context context = request.context();
		return this.queries.ask(new Question((request.query() != null) ? request.query() : "",
				(context != null) ? Timestamps.parseField("context.as_of", context.asOf()) : null,
				(context != null) ? context.timeZone() : null,
				context != null && Boolean.TRUE.equals(context.includePredictions()),
				(request.without() != null) ? request.without() : List.of()));
	}

	/**
	 * {@code without}: parts of the question's reading to leave out, as an analyst removes them from the
	 * interpretation ({@code filters/N}, {@code group_by}).
	 */
	record QueryRequest(@Nullable String query, @Nullable Context context, @Nullable List<String> without) {

		record Context(@Nullable String timeZone, @Nullable String asOf, @Nullable Boolean includePredictions) {
		}

	}

}
