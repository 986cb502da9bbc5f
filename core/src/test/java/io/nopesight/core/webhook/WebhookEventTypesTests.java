package io.nopesight.core.webhook;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookEventTypesTests {

	@Test
	void matchesWhenPatternIsWildcardMatchesTheFamilyOnly() {
		assertThat(WebhookEventTypes.matches(List.of("ci.*"), "ci.updated")).isTrue();
		assertThat(WebhookEventTypes.matches(List.of("ci.*"), "incident.created")).isFalse();
		assertThat(WebhookEventTypes.matches(List.of("*"), "report.completed")).isTrue();
		assertThat(WebhookEventTypes.matches(List.of("ci.created"), "ci.updated")).isFalse();
	}

	@Test
	void isKnownWhenPatternMatchesNoTypeIsFalse() {
		assertThat(WebhookEventTypes.isKnown("ci.*")).isTrue();
		assertThat(WebhookEventTypes.isKnown("event.status_changed")).isTrue();
		assertThat(WebhookEventTypes.isKnown("cis.*")).isFalse();
		assertThat(WebhookEventTypes.isKnown("ci.exploded")).isFalse();
	}

}
