package io.nopesight.core.cmdb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.nopesight.core.cmdb.JdbcTopologyRepository.StoredRelationship;
import io.nopesight.core.outbox.ChangePosition;
import io.nopesight.core.outbox.DomainEventOutbox;
import io.nopesight.core.outbox.DomainEventPage;
import io.nopesight.core.outbox.StoredDomainEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * {@link Topology#impact} on the graph {@link InMemoryTopology} builds from stored rows, so the direction
 * rules tested are the ones the application applies. CI ids are {@code ci_} and the lower-case name.
 */
class TopologyImpactTests {

	private final List<TopologyNode> cis = new ArrayList<>();

	private final List<StoredRelationship> relationships = new ArrayList<>();

	@Test
	void impactWhenSwitchFailsListsEveryCiBelowByDistanceAndNameWithItsPath() {
		// given
		shop();
		// when
		Impact impact = topology().impact("ci_core-sw", 6, 100).orElseThrow();
		// then
		assertThat(impact.origin().name()).isEqualTo("CORE-SW");
		assertThat(impact.total()).isEqualTo(6);
		assertThat(impact.cis()).extracting((ci) -> ci.ci().name() + "@" + ci.distance())
			.containsExactly("HV-01@1", "VM-01@2", "VM-02@2", "nginx@3", "SHOP-DB@3", "SHOP-APP@4");
		ImpactedCi app = impact.cis().get(5);
		assertThat(app.path()).extracting(TopologyNode::name)
			.containsExactly("CORE-SW", "HV-01", "VM-02", "SHOP-DB", "SHOP-APP");
		assertThat(app.links()).extracting(ImpactLink::relationshipType)
			.containsExactly("connected_to", "runs_on", "runs_on", "depends_on");
		assertThat(app.links()).extracting(ImpactLink::upstream)
			.containsExactly("ci_core-sw", "ci_hv-01", "ci_vm-02", "ci_shop-db");
	}

	@Test
	void impactWhenDepthIsLimitedStopsThereAndCountsOnlyWhatItReached() {
		// given
		shop();
		// when
		Impact impact = topology().impact("ci_core-sw", 2, 100).orElseThrow();
		// then
		assertThat(impact.maxDepth()).isEqualTo(2);
		assertThat(impact.reached()).containsOnlyKeys("ci_hv-01", "ci_vm-01", "ci_vm-02");
		assertThat(impact.cis()).extracting((ci) -> ci.ci().name()).containsExactly("HV-01", "VM-01", "VM-02");
	}

	@Test
	void impactWhenHostFailsReachesWhatRunsOnItAndNotTheOtherWay() {
		// given
		ci("HV-01", "server");
		ci("VM-01", "server");
		relationship("VM-01", "runs_on", "HV-01");
		Topology topology = topology();
		// when / then
		assertThat(names(topology, "HV-01")).containsExactly("VM-01");
		assertThat(names(topology, "VM-01")).isEmpty();
	}

	@Test
	void impactWhenDatabaseFailsReachesWhatDependsOnItAndNotTheOtherWay() {
		// given
		ci("SHOP-DB", "database");
		ci("SHOP-APP", "application");
		relationship("SHOP-APP", "depends_on", "SHOP-DB");
		Topology topology = topology();
		// when / then
		assertThat(names(topology, "SHOP-DB")).containsExactly("SHOP-APP");
		assertThat(names(topology, "SHOP-APP")).isEmpty();
	}

	@Test
	void impactWhenServerFailsReachesSoftwareInstalledOnItAndNotTheOtherWay() {
		// given
		ci("VM-01", "server");
		ci("nginx", "software");
		relationship("nginx", "installed_on", "VM-01");
		Topology topology = topology();
		// when / then
		assertThat(names(topology, "VM-01")).containsExactly("nginx");
		assertThat(names(topology, "nginx")).isEmpty();
	}

	@Test
	void impactWhenNetworkDeviceFailsReachesWhatIsConnectedToItWhicheverEndItIs() {
		// given
		ci("ACC-SW", "network_device");
		ci("HV-01", "server");
		ci("HV-02", "server");
		relationship("HV-01", "connected_to", "ACC-SW");
		relationship("ACC-SW", "connected_to", "HV-02");
		Topology topology = topology();
		// when / then
		assertThat(names(topology, "ACC-SW")).containsExactly("HV-01", "HV-02");
		assertThat(names(topology, "HV-01")).isEmpty();
		assertThat(names(topology, "HV-02")).isEmpty();
	}

	@Test
	void impactWhenBothEndsAreNetworkDevicesFollowsFromTheTarget() {
		// given
		ci("CORE-SW", "network_device");
		ci("ACC-SW", "network_device");
		relationship("ACC-SW", "connected_to", "CORE-SW");
		Topology topology = topology();
		// when / then
		assertThat(names(topology, "CORE-SW")).containsExactly("ACC-SW");
		assertThat(names(topology, "ACC-SW")).isEmpty();
	}

	@Test
	void impactWhenRelationshipCarriesNoFailureReachesNothingThroughIt() {
		// given
		ci("BACKUP-01", "server");
		ci("VM-01", "server");
		relationship("VM-01", "backed_up_by", "BACKUP-01");
		Topology topology = topology();
		// when / then
		assertThat(names(topology, "BACKUP-01")).isEmpty();
		assertThat(names(topology, "VM-01")).isEmpty();
	}

	@Test
	void impactWhenDependenciesFormACycleReachesEachCiOnceAndLeavesOutTheOrigin() {
		// given
		ci("APP-A", "application");
		ci("APP-B", "application");
		ci("APP-C", "application");
		relationship("APP-A", "depends_on", "APP-B");
		relationship("APP-B", "depends_on", "APP-C");
		relationship("APP-C", "depends_on", "APP-A");
		// when
		Impact impact = topology().impact("ci_app-a", 10, 100).orElseThrow();
		// then
		assertThat(impact.reached()).containsExactly(Map.entry("ci_app-c", 1), Map.entry("ci_app-b", 2));
		assertThat(impact.cis().get(1).path()).extracting(TopologyNode::name)
			.containsExactly("APP-A", "APP-C", "APP-B");
	}

	@Test
	void impactWhenTwoWaysLeadToACiTakesTheShortest() {
		// given: SHOP-APP is four links below HV-01 through its database, and runs on HV-01 itself
		shop();
		relationship("SHOP-APP", "runs_on", "HV-01");
		// when
		Impact impact = topology().impact("ci_hv-01", 6, 100).orElseThrow();
		// then
		ImpactedCi app = impact.cis().stream().filter((ci) -> ci.ci().name().equals("SHOP-APP")).findFirst().orElseThrow();
		assertThat(app.distance()).isEqualTo(1);
		assertThat(app.path()).extracting(TopologyNode::name).containsExactly("HV-01", "SHOP-APP");
		assertThat(app.links()).extracting(ImpactLink::relationshipType).containsExactly("runs_on");
	}

	@Test
	void impactWhenWaysAreEquallyShortTakesTheSameOneWhateverOrderTheLinksWereLoadedIn() {
		// given: SHOP-APP depends on two databases on the same VM
		ci("VM-01", "server");
		ci("DB-B", "database");
		ci("DB-A", "database");
		ci("SHOP-APP", "application");
		relationship("DB-B", "runs_on", "VM-01");
		relationship("DB-A", "runs_on", "VM-01");
		relationship("SHOP-APP", "depends_on", "DB-B");
		relationship("SHOP-APP", "depends_on", "DB-A");
		Topology loaded = topology();
		Collections.reverse(this.relationships);
		Topology reversed = topology();
		// when
		ImpactedCi app = loaded.impact("ci_vm-01", 6, 100).orElseThrow().cis().get(2);
		ImpactedCi appReversed = reversed.impact("ci_vm-01", 6, 100).orElseThrow().cis().get(2);
		// then
		assertThat(app.path()).extracting(TopologyNode::name).containsExactly("VM-01", "DB-A", "SHOP-APP");
		assertThat(appReversed).isEqualTo(app);
	}

	@Test
	void impactWhenCiHasNothingBelowItIsEmpty() {
		// given
		shop();
		// when
		Impact impact = topology().impact("ci_shop-app", 6, 100).orElseThrow();
		// then
		assertThat(impact.origin().name()).isEqualTo("SHOP-APP");
		assertThat(impact.total()).isZero();
		assertThat(impact.reached()).isEmpty();
		assertThat(impact.cis()).isEmpty();
	}

	@Test
	void impactWhenCiIsUnknownIsAbsent() {
		// given
		shop();
		Topology topology = topology();
		// when / then
		assertThat(topology.impact("ci_nowhere", 6, 100)).isEmpty();
		assertThat(topology.downstream("ci_nowhere", 6)).isEmpty();
	}

	@Test
	void impactWhenLimitedListsTheFirstByDistanceNameAndIdAndCountsAll() {
		// given: a level larger than the limit, names differing in case, one name of two types
		ci("HV-01", "server");
		ci("ci_4", "vm-c", "server");
		ci("ci_3", "VM-B", "server");
		ci("ci_2", "vm-a", "server");
		ci("ci_9", "VM-B", "appliance");
		ci("ci_1", "VM-D", "server");
		ci("nginx", "software");
		for (String vm : List.of("ci_4", "ci_3", "ci_2", "ci_9", "ci_1")) {
			this.relationships.add(new StoredRelationship("rel_" + vm, "runs_on", vm, "ci_hv-01", "manual", 1.0));
		}
		this.relationships.add(new StoredRelationship("rel_nginx", "installed_on", "ci_nginx", "ci_2", "manual", 1.0));
		Topology topology = topology();
		// when
		Impact impact = topology.impact("ci_hv-01", 6, 3).orElseThrow();
		Impact countOnly = topology.impact("ci_hv-01", 6, 0).orElseThrow();
		// then
		assertThat(impact.total()).isEqualTo(6);
		assertThat(impact.cis()).extracting((ci) -> ci.ci().id()).containsExactly("ci_2", "ci_3", "ci_9");
		assertThat(countOnly.total()).isEqualTo(6);
		assertThat(countOnly.cis()).isEmpty();
	}

	@Test
	void downstreamWhenAskedGivesTheReachOfImpact() {
		// given
		shop();
		Topology topology = topology();
		// when
		Map<String, Integer> downstream = topology.downstream("ci_core-sw", 3);
		// then
		assertThat(downstream).isEqualTo(topology.impact("ci_core-sw", 3, 0).orElseThrow().reached());
		assertThat(downstream).containsOnly(Map.entry("ci_hv-01", 1), Map.entry("ci_vm-01", 2),
				Map.entry("ci_vm-02", 2), Map.entry("ci_nginx", 3), Map.entry("ci_shop-db", 3));
	}

	@Test
	void impactWhenWalkReachesThousandsOfCisCountsEachOnceAndListsTheFirst() {
		// given: 50 hosts behind a switch, 100 VMs on each, one agent installed on every VM
		ci("ACC-SW", "network_device");
		ci("agent", "software");
		for (int h = 1; h <= 50; h++) {
			String host = String.format("HV-%02d", h);
			ci(host, "server");
			relationship(host, "connected_to", "ACC-SW");
			for (int v = 1; v <= 100; v++) {
				String vm = String.format("VM-%02d-%03d", h, v);
				ci(vm, "server");
				relationship(vm, "runs_on", host);
				relationship("agent", "installed_on", vm);
			}
		}
		Topology topology = topology();
		// when
		Impact impact = topology.impact("ci_acc-sw", 6, 3).orElseThrow();
		// then
		assertThat(impact.total()).isEqualTo(50 + 5000 + 1);
		assertThat(impact.cis()).extracting((ci) -> ci.ci().name()).containsExactly("HV-01", "HV-02", "HV-03");
		assertThat(impact.reached()).containsEntry("ci_vm-50-100", 2).containsEntry("ci_agent", 3);
		assertThat(impact.reached().keySet()).hasSize(5051).doesNotContain("ci_acc-sw");
	}

	@Test
	void impactWhenTopologyKeepsNoSlotsOfItsOwnGivesTheSameAnswer() {
		// given: another implementation of the interface, which leaves impact to the interface
		shop();
		relationship("SHOP-APP", "depends_on", "VM-01");
		Topology topology = topology();
		Topology plain = delegatingTo(topology);
		// when / then
		for (String origin : List.of("ci_core-sw", "ci_hv-01", "ci_vm-01", "ci_shop-app")) {
			assertThat(plain.impact(origin, 6, 100)).isEqualTo(topology.impact(origin, 6, 100));
			assertThat(plain.impact(origin, 2, 1)).isEqualTo(topology.impact(origin, 2, 1));
		}
	}

	@Test
	void impactWhenCiIsDeletedLeavesItOutOfItsNeighboursImpact() {
		// given: VM-01 is deleted, and its relationships with it, which publishes no event of theirs
		shop();
		JdbcTopologyRepository repository = repository();
		DomainEventOutbox outbox = mock(DomainEventOutbox.class);
		Topology topology = new InMemoryTopology(repository, outbox);
		changes(outbox, event("ci.deleted", "ci_vm-01", "{}"));
		given(repository.nodes(anyCollection())).willReturn(List.of());
		given(repository.relationshipsOf(anyCollection())).willReturn(List.of());
		// when
		topology.catchUp();
		// then
		assertThat(topology.impact("ci_hv-01", 6, 100).orElseThrow().reached()).containsOnlyKeys("ci_vm-02",
				"ci_shop-db", "ci_shop-app");
		assertThat(topology.impact("ci_nginx", 6, 100).orElseThrow().reached()).isEmpty();
	}

	@Test
	void impactWhenRelationshipIsMadeFollowsItOnceCaughtUpAndKeepsTheOtherLinks() {
		// given: VM-01 starts to run on HV-02 as well
		shop();
		ci("HV-02", "server");
		JdbcTopologyRepository repository = repository();
		DomainEventOutbox outbox = mock(DomainEventOutbox.class);
		Topology topology = new InMemoryTopology(repository, outbox);
		changes(outbox, event("relationship.created", "rel_new",
				"{\"relationship\": {\"source_ci\": \"ci_vm-01\", \"target_ci\": \"ci_hv-02\"}}"));
		given(repository.nodes(anyCollection())).willReturn(List.of(new TopologyNode("ci_vm-01", "VM-01", "server"),
				new TopologyNode("ci_hv-02", "HV-02", "server")));
		given(repository.relationshipsOf(anyCollection())).willReturn(List.of(
				new StoredRelationship("rel_1", "runs_on", "ci_vm-01", "ci_hv-01", "manual", 1.0),
				new StoredRelationship("rel_3", "installed_on", "ci_nginx", "ci_vm-01", "manual", 1.0),
				new StoredRelationship("rel_new", "runs_on", "ci_vm-01", "ci_hv-02", "manual", 1.0)));
		// when
		topology.catchUp();
		// then
		assertThat(topology.impact("ci_hv-02", 6, 100).orElseThrow().reached())
			.containsExactly(Map.entry("ci_vm-01", 1), Map.entry("ci_nginx", 2));
		assertThat(topology.impact("ci_core-sw", 6, 100).orElseThrow().total()).isEqualTo(6);
		assertThat(topology.upstream("ci_nginx", 6)).containsOnlyKeys("ci_vm-01", "ci_hv-01", "ci_hv-02",
				"ci_core-sw");
	}

	// CORE-SW <- HV-01 <- VM-01 <- nginx, HV-01 <- VM-02 <- SHOP-DB <- SHOP-APP (arrows point upstream)
	private void shop() {
		ci("CORE-SW", "network_device");
		ci("HV-01", "server");
		ci("VM-01", "server");
		ci("VM-02", "server");
		ci("nginx", "software");
		ci("SHOP-DB", "database");
		ci("SHOP-APP", "application");
		relationship("HV-01", "connected_to", "CORE-SW");
		relationship("VM-01", "runs_on", "HV-01");
		relationship("VM-02", "runs_on", "HV-01");
		relationship("nginx", "installed_on", "VM-01");
		relationship("SHOP-DB", "runs_on", "VM-02");
		relationship("SHOP-APP", "depends_on", "SHOP-DB");
	}

	private void ci(String name, String type) {
		ci(id(name), name, type);
	}

	private void ci(String id, String name, String type) {
		this.cis.add(new TopologyNode(id, name, type));
	}

	// as the CMDB stores it: "source type target", e.g. VM-01 runs_on HV-01
	private void relationship(String source, String type, String target) {
		this.relationships.add(new StoredRelationship("rel_" + this.relationships.size(), type, id(source),
				id(target), "manual", 1.0));
	}

	private Topology topology() {
		return new InMemoryTopology(repository(), mock(DomainEventOutbox.class));
	}

	private JdbcTopologyRepository repository() {
		JdbcTopologyRepository repository = mock(JdbcTopologyRepository.class);
		given(repository.allNodes()).willReturn(List.copyOf(this.cis));
		given(repository.allRelationships()).willReturn(List.copyOf(this.relationships));
		return repository;
	}

	private static void changes(DomainEventOutbox outbox, StoredDomainEvent event) {
		given(outbox.readAfter(any(), anyInt(), anyCollection()))
			.willReturn(new DomainEventPage(List.of(event), new ChangePosition(1, 1), false));
	}

	private static StoredDomainEvent event(String type, String aggregateId, String payload) {
		return new StoredDomainEvent(new ChangePosition(1, 1), type, aggregateId, payload, Instant.EPOCH);
	}

	// an implementation of its own, as other modules' test doubles are, answering impact with the interface's
	private static Topology delegatingTo(Topology topology) {
		return new Topology() {

			@Override
			public Optional<TopologyNode> node(String ciId) {
				return topology.node(ciId);
			}

			@Override
			public int size() {
				return topology.size();
			}

			@Override
			public List<TopologyNode> byName(String name) {
				return topology.byName(name);
			}

			@Override
			public Map<String, Integer> upstream(String ciId, int maxDepth) {
				return topology.upstream(ciId, maxDepth);
			}

			@Override
			public List<ImpactLink> path(String upstream, String downstream, int maxDepth) {
				return topology.path(upstream, downstream, maxDepth);
			}

			@Override
			public List<ImpactLink> links(String ciId) {
				return topology.links(ciId);
			}

			@Override
			public long version() {
				return topology.version();
			}

			@Override
			public void catchUp() {
				topology.catchUp();
			}

		};
	}

	private static List<String> names(Topology topology, String name) {
		return topology.impact(id(name), 6, 100)
			.orElseThrow()
			.cis()
			.stream()
			.map((ci) -> ci.ci().name())
			.toList();
	}

	private static String id(String name) {
		return "ci_" + name.toLowerCase(Locale.ROOT);
	}

}
