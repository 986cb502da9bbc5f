package io.nopesight.analytics.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.nopesight.core.Page;
import io.nopesight.core.cmdb.CmdbManagement;
import io.nopesight.core.cmdb.ConfigurationItem;
import io.nopesight.core.cmdb.ConfigurationItemQuery;
import io.nopesight.core.cmdb.ConfigurationItemSort;
import io.nopesight.core.cmdb.ConfigurationItemStatus;
import io.nopesight.core.cmdb.ListedConfigurationItem;

/**
 * The CIs a question is about: those it names ({@code PROD-DB-03}), else every CI of the type it names
 * (servers when it names none) in the environment it names, read from the CMDB's values; inactive CIs are
 * left out, and at most {@link #MAX_CIS}, by name.
 */
@Component
class CiSelection {

	static final int MAX_CIS = 5_000;

	private static final int PAGE = 100;

	private final CmdbManagement cmdb;

	CiSelection(CmdbManagement cmdb) {
		this.cmdb = cmdb;
	}

	Selection select(Words words) {
		Map<String, ConfigurationItem> named = new LinkedHashMap<>();
		for (String candidate : Vocabulary.ciNameCandidates(words)) {
			for (String name : new TreeSet<>(List.of(candidate, candidate.toUpperCase(Locale.ROOT)))) {
				this.cmdb.findByName(name).forEach((ci) -> named.putIfAbsent(ci.id(), ci));
			}
		}
		if (!named.isEmpty()) {
			List<CiFacts> cis = named.values().stream().map(CiFacts::of).toList();
			return new Selection(null, null, cis, cis.stream().map(CiFacts::name).toList(), false);
		}
		String type = Objects.requireNonNullElse(Vocabulary.ciType(words), "server");
		List<CiFacts> all = new ArrayList<>();
		boolean capped = false;
		for (int page = 1;; page++) {
			Page<ListedConfigurationItem> listed = this.cmdb
				.list(new ConfigurationItemQuery(type, null, null, ConfigurationItemSort.NAME, false, page, PAGE));
			listed.items()
				.stream()
				.map(ListedConfigurationItem::item)
				.filter((ci) -> ci.status() != ConfigurationItemStatus.INACTIVE)
				.map(CiFacts::of)
				.forEach(all::add);
			if (all.size() >= MAX_CIS) {
				capped = listed.total() > (long) page * PAGE;
				break;
			}
			if (listed.items().size() < PAGE || (long) page * PAGE >= listed.total()) {
				break;
			}
		}
		TreeSet<String> environments = new TreeSet<>();
		all.stream().map(CiFacts::environment).filter(Objects::nonNull).forEach(environments::add);
		String environment = Vocabulary.environment(words, environments);
		List<CiFacts> cis = (environment != null)
				? all.stream().filter((ci) -> environment.equals(ci.environment())).toList() : all;
		return new Selection(type, environment, cis.subList(0, Math.min(cis.size(), MAX_CIS)), List.of(), capped);
	}

	/**
	 * The CI type and environment read (null when CIs were named), the CIs, the names the question gave, and
	 * whether the list was cut at {@link #MAX_CIS}.
	 */
	record Selection(@Nullable String type, @Nullable String environment, List<CiFacts> cis, List<String> named,
			boolean capped) {
	}

}
