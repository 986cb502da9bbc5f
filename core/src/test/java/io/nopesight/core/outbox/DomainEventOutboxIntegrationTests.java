package io.nopesight.core.outbox;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.nopesight.core.CoreIntegrationTest;
import io.nopesight.core.Ids;

import static org.assertj.core.api.Assertions.assertThat;

@CoreIntegrationTest
class DomainEventOutboxIntegrationTests {

	@Autowired
	DomainEventOutbox outbox;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void readAfterWhenAskedForSomeTypesReturnsOnlyThoseInOrderAndReadsPastTheOthers() {
		// given
		ChangePosition start = this.outbox.currentSafePosition();
		String ci = Ids.next("ci");
		String link = Ids.next("rel");
		publish(event("outboxtest.noise", 5), event("ci.created", ci), event("outboxtest.noise", 3),
				event("relationship.created", link), event("outboxtest.noise", 2));
		// when
		DomainEventPage page = this.outbox.readAfter(start, 100, List.of("ci.", "relationship."));
		// then
		assertThat(page.events()).extracting(StoredDomainEvent::aggregateId).containsExactly(ci, link);
		assertThat(page.events().get(0).payload()).contains(ci);
		assertThat(page.more()).isFalse();
		assertThat(this.outbox.readAfter(page.readTo(), 100).stream()
			.filter((event) -> event.type().startsWith("outboxtest."))).isEmpty();
		assertThat(this.outbox.readAfter(page.readTo(), 100, List.of("ci.")).events()).isEmpty();
	}

	@Test
	void readAfterWhenAPageHoldsNothingWantedStillMovesOnAndSaysThereIsMore() {
		// given
		ChangePosition start = this.outbox.currentSafePosition();
		String ci = Ids.next("ci");
		publish(event("outboxtest.noise", 4), event("ci.updated", ci));
		// when
		DomainEventPage first = this.outbox.readAfter(start, 3, List.of("ci."));
		DomainEventPage second = this.outbox.readAfter(first.readTo(), 3, List.of("ci."));
		// then
		assertThat(first.events()).isEmpty();
		assertThat(first.more()).isTrue();
		assertThat(first.readTo()).isNotEqualTo(start);
		assertThat(second.events()).extracting(StoredDomainEvent::aggregateId).containsExactly(ci);
		assertThat(second.more()).isFalse();
		assertThat(this.outbox.readAfter(second.readTo(), 3, List.of("ci.")).readTo()).isEqualTo(second.readTo());
	}

	@Test
	void readAfterWhenAPrefixHoldsLikeWildcardsMatchesThemLiterally() {
		// given
		ChangePosition start = this.outbox.currentSafePosition();
		String literal = Ids.next("x");
		publish(event("out_box%.created", literal), event("outXboxY.created", Ids.next("x")));
		// when
		DomainEventPage page = this.outbox.readAfter(start, 100, List.of("out_box%."));
		// then
		assertThat(page.events()).extracting(StoredDomainEvent::aggregateId).containsExactly(literal);
	}

	@SafeVarargs
	private void publish(List<DomainEventOutbox.Event>... parts) {
		this.transaction.executeWithoutResult((status) -> {
			for (List<DomainEventOutbox.Event> part : parts) {
				this.outbox.publishAll(part);
			}
		});
	}

	private static List<DomainEventOutbox.Event> event(String type, String aggregateId) {
		return List.of(new DomainEventOutbox.Event(type, aggregateId, Map.of("id", aggregateId)));
	}

	private static List<DomainEventOutbox.Event> event(String type, int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> new DomainEventOutbox.Event(type, Ids.next("noise"), Map.of("n", i)))
			.toList();
	}

}
