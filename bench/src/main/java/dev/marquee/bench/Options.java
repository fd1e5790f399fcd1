package dev.marquee.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options of one command: {@code --name value} or {@code --name=value}; unknown names
 * are refused with the list of known ones, so a typo never silently runs a default.
 */
final class Options {

	private final Map<String, String> values;

	private final Set<String> known = new TreeSet<>();

	private Options(Map<String, String> values) {
		this.values = values;
	}

	/**
	 * Parses options.
	 * @param args everything after the scenario name
	 * @return the options
	 * @throws IllegalArgumentException for an argument that is not an option or lacks a
	 * value
	 */
	static Options parse(List<String> args) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (!arg.startsWith("--") || arg.length() == 2) {
				throw new IllegalArgumentException("expected --option, got '" + arg + "'");
			}
			String name = arg.substring(2);
			int eq = name.indexOf('=');
			if (eq >= 0) {
				values.put(name.substring(0, eq), name.substring(eq + 1));
			}
			else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
				values.put(name, args.get(++i));
			}
			else {
				values.put(name, "true");
			}
		}
		return new Options(values);
	}

	String string(String name, String defaultValue) {
		this.known.add(name);
		return this.values.getOrDefault(name, defaultValue);
	}

	int integer(String name, int defaultValue) {
		return (int) longValue(name, defaultValue);
	}

	long longValue(String name, long defaultValue) {
		String text = string(name, null);
		if (text == null) {
			return defaultValue;
		}
		String plain = text.replace("_", "").replace(",", "").toLowerCase(Locale.ROOT);
		long factor = 1;
		if (plain.endsWith("k")) {
			factor = 1_000;
			plain = plain.substring(0, plain.length() - 1);
		}
		else if (plain.endsWith("m")) {
			factor = 1_000_000;
			plain = plain.substring(0, plain.length() - 1);
		}
		try {
			return Long.parseLong(plain) * factor;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"--" + name + " must be a whole number (e.g. 100000 or 100k), was " + text);
		}
	}

	double decimal(String name, double defaultValue) {
		String text = string(name, null);
		try {
			return (text != null) ? Double.parseDouble(text) : defaultValue;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " must be a number, was " + text);
		}
	}

	boolean flag(String name) {
		return Boolean.parseBoolean(string(name, "false"));
	}

	Duration duration(String name, Duration defaultValue) {
		String text = string(name, null);
		return (text != null) ? parseDuration(name, text) : defaultValue;
	}

	/**
	 * Parses {@code 500ms}, {@code 20s}, {@code 2m} or a plain number of seconds.
	 */
	static Duration parseDuration(String name, String text) {
		String value = text.strip().toLowerCase(Locale.ROOT);
		try {
			if (value.endsWith("ms")) {
				return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
			}
			if (value.endsWith("s")) {
				return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
			}
			if (value.endsWith("m")) {
				return Duration
					.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 60_000));
			}
			return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " must be a duration like 500ms, 20s or 2m, was " + text);
		}
	}

	/**
	 * Fails on options no one asked for (call after every option was read).
	 * @throws IllegalArgumentException naming the unknown options and the known ones
	 */
	void rejectUnknown() {
		List<String> unknown = new ArrayList<>();
		for (String name : this.values.keySet()) {
			if (!this.known.contains(name)) {
				unknown.add("--" + name);
			}
		}
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException(
					"unknown option(s) " + unknown + "; known: " + this.known.stream().map((n) -> "--" + n).toList());
		}
	}

}
