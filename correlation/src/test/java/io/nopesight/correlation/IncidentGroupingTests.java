package io.nopesight.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.nopesight.correlation.IncidentGrouping.Member;
import io.nopesight.correlation.JdbcEventRepository.PlacedEvent;
import io.nopesight.correlation.JdbcIncidentRepository.IncidentState;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentGroupingTests {

	private static final Instant T0 = Instant.parse("2026-10-03T07:22:00Z");

	private final TestTopology topology = Estates.shop();

	private final FakeStore store = new FakeStore();

	private final AtomicInteger ids = new AtomicInteger();

	@Test
	void placeWhenADatabaseFailsGroupsItsDependentsAndLeavesUnrelatedNoiseOut() {
		// given
		IncidentGrouping grouping = grouping();
		// when
		Map<String, Member> placed = placeAll(grouping, cascade());
		// then
		String incident = placed.get("db").incidentId;
		assertThat(placed).extractingFromEntries((e) -> e.getValue().incidentId)
			.containsOnly(incident, placed.get("noise").incidentId);
		assertThat(placed.get("noise").incidentId).isNotEqualTo(incident);
		assertThat(List.of("db", "vm", "orders", "api", "web", "web-again")).allSatisfy(
				(key) -> assertThat(placed.get(key).incidentId).as(key).isEqualTo(incident));
	}

	@Test
	void placeWhenEventsArriveOutOfOrderGroupsThemAsTheyHappened() {
		// given
		List<PlacedEvent> events = new ArrayList<>(cascade().values());
		Collections.shuffle(events, new Random(7));
		IncidentGrouping grouping = grouping();
		// when
		Map<String, String> incidentOf = new HashMap<>();
		List<Member> members = new ArrayList<>();
		events.forEach((e) -> members.add(grouping.place(e)));
		members.forEach((m) -> incidentOf.put(m.id, m.incidentId));
		// then
		assertThat(incidentOf.get("noise")).isNotEqualTo(incidentOf.get("db"));
		assertThat(List.of("vm", "orders", "api", "web", "web-again"))
			.allSatisfy((key) -> assertThat(incidentOf.get(key)).as(key).isEqualTo(incidentOf.get("db")));
	}

	@Test
	void placeWhenTheIncidentWasResolvedStartsANewOne() {
		// given: the cascade was placed and its incident resolved
		IncidentGrouping grouping = grouping();
		Map<String, Member> placed = placeAll(grouping, cascade());
		String resolved = placed.get("db").incidentId;
		this.store.closed.add(resolved);
		grouping.clear();
		this.store.remember(placed.values());
		// when: the web tier alerts again a minute after its last alert
		Member again = grouping.place(event("web-late", "Shop Web", 15, "HTTP 5xx rate above 5% on Shop Web"));
		// then
		assertThat(again.incidentId).isNotEqualTo(resolved);
	}

	@Test
	void placeWhenAnEventLinksTwoOpenIncidentsMergesThemIntoTheLarger() {
		// given: the web tier alerts twice, and ten minutes later the database, too late to be one incident yet
		IncidentGrouping grouping = grouping();
		Member web = grouping.place(event("web", "Shop Web", 0, "Latency SLO burn on Shop Web"));
		Member webAgain = grouping.place(event("web2", "Shop Web", 1, "HTTP 5xx rate above 5% on Shop Web"));
		Member db = grouping.place(event("db", "orders-db", 10, "Replication lag high on orders-db"));
		assertThat(db.incidentId).isNotEqualTo(web.incidentId);
		String databaseIncident = db.incidentId;
		grouping.drain();
		// when: the API in between turns out to have alerted at minute 5 (reported late)
		Member api = grouping.place(event("api", "Shop API", 5, "HTTP 5xx rate above 5% on Shop API"));
		IncidentGrouping.Changes changes = grouping.drain();
		// then
		assertThat(List.of(web, webAgain, db, api)).extracting((m) -> m.incidentId).containsOnly(web.incidentId);
		assertThat(changes.merged()).containsExactly(Map.entry(databaseIncident, web.incidentId));
		assertThat(changes.created()).isEmpty();
	}

	@Test
	void placeWhenEventsAreFurtherApartThanTheWindowKeepsThemApart() {
		// given
		IncidentGrouping grouping = grouping();
		// when
		Member first = grouping.place(event("a", "orders-db", 0, "Replication lag high on orders-db"));
		Member later = grouping.place(event("b", "Order Service", 45, "Latency SLO burn on Order Service"));
		// then
		assertThat(later.incidentId).isNotEqualTo(first.incidentId);
	}

	@Test
	void placeWhenTwoVmsOnOneHostAlertAlikeGroupsThemButNotTwoMachinesBehindTheCoreSwitch() {
		// given
		IncidentGrouping grouping = grouping();
		// when
		Member api = grouping.place(event("a", "APP-VM-2", 0, "Host unreachable: APP-VM-2"));
		Member mail = grouping.place(event("b", "MAIL-VM", 1, "Host unreachable: MAIL-VM"));
		Member far = grouping.place(event("c", "DB-VM", 1, "Disk space low on DB-VM"));
		// then
		assertThat(mail.incidentId).isEqualTo(api.incidentId);
		assertThat(far.incidentId).isNotEqualTo(api.incidentId);
	}

	@Test
	void placeWhenAHostsMachinesGoDownOneAfterAnotherKeepsTheCascadeTogether() {
		// given
		IncidentGrouping grouping = grouping();
		// when: the hypervisor alerts once; what runs on it follows every six minutes, longer than the pair
		// model alone would wait after the hypervisor's alert, the web site three minutes after the last VM
		Member host = grouping.place(event("host", "HOST-2", 0, "Host unreachable: HOST-2"));
		List<Member> after = List.of(grouping.place(event("app", "APP-VM-2", 6, "Host unreachable: APP-VM-2")),
				grouping.place(event("web", "WEB-VM", 12, "Host unreachable: WEB-VM")),
				grouping.place(event("mail", "MAIL-VM", 18, "Host unreachable: MAIL-VM")),
				grouping.place(event("site", "Shop Web", 21, "Service down on Shop Web")));
		// then
		assertThat(after).extracting((m) -> m.incidentId).containsOnly(host.incidentId);
	}

	@Test
	void placeWhenNoiseKeepsComingFromBehindABusySwitchDoesNotChainItIntoTheSwitchsIncident() {
		// given: 40 hosts of 10 VMs behind one switch, and alerts on random VMs every minute, as in a large noisy
		// estate; the switch alerted once
		TestTopology estate = new TestTopology().ci("SW", "network_device");
		for (int h = 0; h < 40; h++) {
			estate.link("H" + h, "connected_to", "SW");
			for (int v = 0; v < 10; v++) {
				estate.link("H" + h + "-VM" + v, "runs_on", "H" + h);
			}
		}
		IncidentGrouping grouping = new IncidentGrouping(new TopologyDistances(estate, 6), () -> PairModel.PRIORS,
				Duration.ofMinutes(30), 0.5, this.store, () -> "inc_" + this.ids.incrementAndGet());
		Random random = new Random(3);
		Map<String, Integer> sizes = new HashMap<>();
		sizes.merge(grouping.place(event("sw", "SW", 0, "Packet loss on SW")).incidentId, 1, Integer::sum);
		// when
		for (int minute = 1; minute <= 180; minute++) {
			String vm = "H" + random.nextInt(40) + "-VM" + random.nextInt(10);
			String title = String.format(NOISE[random.nextInt(NOISE.length)], vm);
			sizes.merge(grouping.place(event("n" + minute, vm, minute, title)).incidentId, 1, Integer::sum);
		}
		// then: what alerted in the first minutes may be the switch's doing (counted from the switch's alert, the
		// last hour's would be); three hours of it is not
		assertThat(sizes.values()).as(sizes.toString()).allSatisfy((size) -> assertThat(size).isLessThan(30));
	}

	private static final String[] NOISE = { "Disk space low on %s", "Memory usage high on %s", "CPU usage high on %s",
			"Backup job failed on %s", "Certificate expiring on %s" };

	private IncidentGrouping grouping() {
		return new IncidentGrouping(new TopologyDistances(this.topology, 6), () -> PairModel.PRIORS,
				Duration.ofMinutes(30), 0.5, this.store, () -> "inc_" + this.ids.incrementAndGet());
	}

	private static Map<String, Member> placeAll(IncidentGrouping grouping, Map<String, PlacedEvent> events) {
		Map<String, Member> placed = new LinkedHashMap<>();
		events.forEach((key, event) -> placed.put(key, grouping.place(event)));
		return placed;
	}

	/**
	 * orders-db's VM fails; the database, the order service, the API and the web tier alert over the next
	 * minutes, the web tier twice; an unrelated box alerts at the same moment.
	 */
	private static Map<String, PlacedEvent> cascade() {
		Map<String, PlacedEvent> events = new LinkedHashMap<>();
		events.put("api", event("api", "Shop API", 1, "HTTP 5xx rate above 5% on Shop API"));
		events.put("db", event("db", "orders-db", 2, "Replication lag high on orders-db"));
		events.put("noise", event("noise", "NOISE-BOX", 2, "Disk space low on NOISE-BOX"));
		events.put("vm", event("vm", "DB-VM", 3, "Host unreachable: DB-VM"));
		events.put("orders", event("orders", "Order Service", 4, "Database connection errors in Order Service"));
		events.put("web", event("web", "Shop Web", 9, "Latency SLO burn on Shop Web"));
		events.put("web-again", event("web-again", "Shop Web", 14, "HTTP 5xx rate above 5% on Shop Web"));
		return events;
	}

	static PlacedEvent event(String id, String ci, int minute, String title) {
		Instant at = T0.plus(Duration.ofMinutes(minute));
		return new PlacedEvent(0, id, at, at, List.of(ci), title, Severity.HIGH, EventStatus.OPEN, null, false);
	}

	/**
	 * What the database would hold: nothing, or what a test put there.
	 */
	static final class FakeStore implements IncidentGrouping.Store {

		final List<PlacedEvent> placed = new ArrayList<>();

		final List<String> closed = new ArrayList<>();

		void remember(Collection<Member> members) {
			for (Member m : members) {
				this.placed.add(new PlacedEvent(0, m.id, Instant.ofEpochMilli(m.at), Instant.ofEpochMilli(m.at), m.cis,
						m.title, m.severity, m.status, m.incidentId, false));
			}
		}

		@Override
		public List<PlacedEvent> placedBetween(Instant from, Instant to) {
			return this.placed.stream().filter((e) -> !e.createdAt().isBefore(from) && e.createdAt().isBefore(to)).toList();
		}

		@Override
		public List<PlacedEvent> membersOf(Collection<String> incidentIds) {
			return this.placed.stream().filter((e) -> incidentIds.contains(e.incidentId())).toList();
		}

		@Override
		public Map<String, IncidentState> states(Collection<String> incidentIds) {
			Map<String, IncidentState> states = new LinkedHashMap<>();
			for (String id : incidentIds) {
				boolean isClosed = this.closed.contains(id);
				states.put(id, new IncidentState(id, isClosed ? IncidentStatus.RESOLVED : IncidentStatus.OPEN,
						isClosed ? T0.plus(Duration.ofMinutes(14)) : null, false, null));
			}
			return states;
		}

	}

}
