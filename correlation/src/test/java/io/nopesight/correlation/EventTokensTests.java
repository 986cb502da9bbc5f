package io.nopesight.correlation;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventTokensTests {

	@Test
	void ofWhenTheTitleNamesItsCiLeavesTheNameOut() {
		assertThat(EventTokens.of("Disk full on PROD-DB-04", List.of("PROD-DB-04"))).containsOnly("disk", "full");
	}

	@Test
	void similarityWhenTheSameAlertHitsTwoCisIsOne() {
		Set<String> a = EventTokens.of("Host unreachable: PROD-WEB-02", List.of("PROD-WEB-02"));
		Set<String> b = EventTokens.of("Host unreachable: PROD-WEB-06", List.of("PROD-WEB-06"));
		assertThat(EventTokens.similarity(a, b)).isEqualTo(1.0);
		assertThat(EventTokens.similarity(a, EventTokens.of("Service down on X", List.of("X")))).isZero();
	}

	@Test
	void normalisedTitleWhenOnlyNumbersDifferIsTheSame() {
		assertThat(EventTokens.normalisedTitle("CPU usage 92.5% on  web-01"))
			.isEqualTo(EventTokens.normalisedTitle("CPU usage 97% on web-01"));
	}

}
