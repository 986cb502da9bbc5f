package io.nopesight.core.cmdb;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nopesight.core.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IP fields are written twice, in Java ({@link IpField#ALL}, for the API's debug lookup) and in SQL
 * (the {@code ci_ip_addresses} function behind the indexed column {@code findByIp} reads); these tests keep
 * the two the same.
 */
@SpringBootTest
class IpFieldIntegrationTests {

	// attributes ->> 'ip_address' reads a value, custom_fields -> 'all_ip_addresses' an array to unnest
	private static final Pattern SQL_FIELD = Pattern.compile("(attributes|custom_fields)\\s*(->>?)\\s*'([^']+)'");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@Autowired
	CmdbManagement cmdb;

	@Autowired
	JdbcClient jdbc;

	@Test
	void findByIpWhenTheAddressIsOnlyInOneIpFieldFindsTheCiForEachField() {
		for (int i = 0; i < IpField.ALL.size(); i++) {
			// given
			IpField field = IpField.ALL.get(i);
			String address = "10.77.0." + (i + 1);
			Map<String, @Nullable Object> attributes = new LinkedHashMap<>();
			Map<String, @Nullable Object> customFields = new LinkedHashMap<>();
			Map<String, @Nullable Object> section = (field.section() == IpField.Section.ATTRIBUTES) ? attributes
					: customFields;
			section.put(field.key(), field.list() ? List.of("10.77.1.1", address) : address);
			attributes.put("other_ip", "10.77.9." + (i + 1));
			ConfigurationItem ci = this.cmdb.create(
					new NewConfigurationItem("ip-field-" + i, "server", null, null, attributes, customFields), "test");
			// when
			List<ConfigurationItem> found = this.cmdb.findByIp(address);
			// then
			assertThat(found).as(field.toString()).extracting(ConfigurationItem::id).containsExactly(ci.id());
			assertThat(IpField.holding(found.get(0), address)).containsExactly(field);
			assertThat(this.cmdb.findByIp("10.77.9." + (i + 1))).as("a field that is no IP field").isEmpty();
		}
	}

	@Test
	void ipFieldsAreTheFieldsTheDatabaseIndexes() {
		// given
		String function = this.jdbc.sql("""
				SELECT p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
				WHERE p.proname = 'ci_ip_addresses' AND n.nspname = current_schema()
				""").query(String.class).single();
		// when
		Set<IpField> indexed = new HashSet<>();
		Matcher matcher = SQL_FIELD.matcher(function);
		while (matcher.find()) {
			indexed.add(new IpField(matcher.group(1).equals("attributes") ? IpField.Section.ATTRIBUTES
					: IpField.Section.CUSTOM_FIELDS, matcher.group(3), matcher.group(2).equals("->")));
		}
		// then
		assertThat(indexed).containsExactlyInAnyOrderElementsOf(IpField.ALL);
	}

}
