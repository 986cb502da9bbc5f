package io.nopesight.api.ratelimit;

import java.time.Duration;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.ConsumptionProbe;
import org.junit.jupiter.api.Test;

import io.nopesight.api.ratelimit.RateLimitSettings.Limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AllowanceTests {

	private static final long NOW = 1_000_000_000L;

	@Test
	void spendWhenReserveIsEmptyAsksTheSharedBucket() {
		// given
		Allowance allowance = new Allowance(new Limit(1000, 100), 10);
		// when
		Decision decision = allowance.trySpendReserved(NOW);
		// then
		assertThat(decision).isNull();
	}

	@Test
	void spendWhenRefilledUsesTheReserveWithoutTheSharedBucket() {
		// given
		Allowance allowance = new Allowance(new Limit(1000, 100), 10);
		allowance.took(ConsumptionProbe.consumed(99, 0), NOW);
		long wanted = allowance.startRefill();
		allowance.refilled(wanted, 89);
		// when
		Decision decision = allowance.trySpendReserved(NOW);
		// then
		assertThat(wanted).isEqualTo(10);
		assertThat(decision.allowed()).isTrue();
		assertThat(decision.remaining()).isEqualTo(89 + 9);
	}

	@Test
	void spendWhenTopUpIsOnItsWayAdmitsAtMostOneBatchOnCreditAndPaysItBack() {
		// given
		Allowance allowance = new Allowance(new Limit(1000, 100), 10);
		allowance.took(ConsumptionProbe.consumed(99, 0), NOW);
		assertThat(allowance.startRefill()).isEqualTo(10);
		// when
		int credited = 0;
		while (allowance.trySpendReserved(NOW) != null) {
			credited++;
		}
		allowance.refilled(10, 89);
		// then
		assertThat(credited).isEqualTo(10);
		assertThat(allowance.trySpendReserved(NOW)).as("the top-up went to pay the credit").isNull();
	}

	@Test
	void tookWhenRequestsOutranATopUpDoublesTheBatchUpToTheCap() {
		// given
		Allowance allowance = new Allowance(new Limit(1000, 100), 2, 5);
		allowance.took(ConsumptionProbe.consumed(99, 0), NOW);
		assertThat(allowance.startRefill()).isEqualTo(2);
		// when
		allowance.took(ConsumptionProbe.consumed(98, 0), NOW);
		allowance.took(ConsumptionProbe.consumed(97, 0), NOW);
		allowance.refilled(0, 97);
		// then
		assertThat(allowance.startRefill()).isEqualTo(5);
	}

	@Test
	void spendWhenSharedBucketIsNearlyEmptyGivesNoCredit() {
		// given
		Allowance allowance = new Allowance(new Limit(1000, 100), 10);
		allowance.took(ConsumptionProbe.consumed(39, 0), NOW);
		assertThat(allowance.startRefill()).isEqualTo(10);
		// when
		Decision decision = allowance.trySpendReserved(NOW);
		// then
		assertThat(decision).isNull();
	}

	@Test
	void spendWhenSharedBucketRefusedIsRefusedLocallyUntilItRefills() {
		// given
		Allowance allowance = new Allowance(new Limit(1000, 100), 1);
		Decision refused = allowance.took(ConsumptionProbe.rejected(0, 2_500_000_000L, 60_000_000_000L), NOW);
		// when
		Decision meanwhile = allowance.trySpendReserved(NOW + 1_000_000_000L);
		Decision after = allowance.trySpendReserved(NOW + 3_000_000_000L);
		// then
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfterSeconds()).isEqualTo(3);
		assertThat(meanwhile.allowed()).isFalse();
		assertThat(meanwhile.retryAfterSeconds()).isEqualTo(2);
		assertThat(after).isNull();
		assertThat(allowance.startRefill()).as("no top-up from an empty bucket").isZero();
	}

	@Test
	void awaitRefillWhenTheLastTokensAreOnTheirWayLetsTheWaitingRequestSpendThem() throws Exception {
		// given: one token left in the shared bucket, too few for credit, and a top-up fetching it
		Allowance allowance = new Allowance(new Limit(50, 5), 1);
		allowance.took(ConsumptionProbe.consumed(1, 0), NOW);
		assertThat(allowance.startRefill()).isEqualTo(1);
		assertThat(allowance.trySpendReserved(NOW)).isNull();
		FutureTask<Boolean> request = new FutureTask<>(() -> allowance.awaitRefill(TimeUnit.MINUTES.toNanos(5)));
		Thread waiting = new Thread(request, "waiting-request");
		waiting.start();
		await().atMost(Duration.ofMinutes(2)).until(() -> waiting.getState() == Thread.State.TIMED_WAITING);
		// when: the top-up arrives while the request waits for it
		allowance.refilled(1, 0);
		// then
		assertThat(request.get(2, TimeUnit.MINUTES)).isTrue();
		assertThat(allowance.trySpendReserved(NOW).allowed()).isTrue();
	}

	@Test
	void awaitRefillWhenNoTopUpIsOnItsWayReturnsAtOnce() throws Exception {
		// given
		Allowance allowance = new Allowance(new Limit(50, 5), 1);
		// when
		boolean ended = allowance.awaitRefill(TimeUnit.SECONDS.toNanos(5));
		// then
		assertThat(ended).isFalse();
	}

}
