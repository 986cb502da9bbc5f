package io.nopesight.nlq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How CI names and the words of a question are compared. Both become their runs of letters and of digits,
 * lower-cased, so that case and separators do not count ("prod web 01", "PROD_WEB_01" and PROD-WEB-01 are all
 * {@code prod web 01}); a key also drops the zero padding of numbers ({@code prod web 1}). The questions' own
 * vocabulary (the words the reader reads, and common English) is never taken for a misspelt name.
 */
final class NameKeys {

	private static final Pattern RUN = Pattern.compile("\\p{L}+|\\p{N}+");

	private static final Set<String> VOCABULARY = Set.copyOf(Arrays.asList("""
			a an the and or but if of in on at to for from by with without within into onto over under above below
			between about after before during since until than then there these those this that which what who whom
			whose where when why how many much more most less least few fewer all any each every some no not non none
			only just also still now currently yet ever is are was were be been being am do does did done has have had
			having can could will would should may might must shall i me my we us our you your it its they them their
			he she his her please show list give tell find get display count number total amount top bottom highest
			lowest first last past next per across like such as same other another one two three four five six seven
			eight nine ten named called
			server servers machine machines host hosts box boxes workstation workstations desktop desktops laptop
			laptops application applications app apps database databases dbs software package packages configuration
			item items ci cis asset assets network device devices switch switches firewall firewalls router routers
			load balancer balancers vm vms virtual physical bare metal service services
			production prod staging stg stage development dev test testing environment environments env
			active inactive retired decommissioned maintenance status
			windows ubuntu debian red hat redhat rhel oracle linux macos mac os esxi centos version
			postgresql postgres pg mysql sql mssql engine engines
			location locations datacenter data center centre department dept team cost owner owned manufacturer vendor
			memory ram disk disks storage space cpu cpus core cores vcpu vcpus gb gib tb tib ip address addresses
			usage utilization utilisation load loaded processor high low heavy light busy busiest idle hot average avg
			mean max maximum min minimum peak peaked spiked underutilized running run runs hosted hosting installed
			deployed depends depend dependent dependency dependencies uses use using used impacted impact affected
			fails fail down blast radius
			hour hours day days week weeks month months year years yesterday today ago minute minutes
			event events alert alerts alarm alarms incident incidents critical medium severity priority open
			unresolved acknowledged acked resolved closed source sources
			""".strip().split("\\s+")));

	private NameKeys() {
	}

	/** The runs of letters and digits of the text, lower-cased, numbers without their zero padding. */
	static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		for (String token : runs(text)) {
			tokens.add(number(token) ? token.replaceFirst("^0+(?=.)", "") : token);
		}
		return tokens;
	}

	/** The runs of letters and digits of the text, lower-cased, as written. */
	static List<String> runs(String text) {
		List<String> runs = new ArrayList<>();
		Matcher matcher = RUN.matcher(text.toLowerCase(Locale.ROOT));
		while (matcher.find()) {
			runs.add(matcher.group());
		}
		return runs;
	}

	/** What a name is looked up by: its tokens, one space apart. */
	static String key(String text) {
		return String.join(" ", tokens(text));
	}

	static boolean number(String token) {
		return Character.isDigit(token.charAt(0));
	}

	/** Whether a token is one of the words questions are made of, which names are not misspelt into. */
	static boolean vocabulary(String token) {
		return VOCABULARY.contains(token);
	}

	/**
	 * The edits (insertions, deletions, substitutions, swaps of neighbours) from one word to the other: the
	 * distance Lucene's fuzzy queries count with transpositions.
	 */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

}
