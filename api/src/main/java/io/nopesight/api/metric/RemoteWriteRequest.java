package io.nopesight.api.metric;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

/**
 * Decodes a Prometheus remote-write 1.0 {@code WriteRequest} (prometheus/prompb remote.proto, types.proto):
 * {@code timeseries = 1} of {@code TimeSeries {labels = 1, samples = 2}}, {@code Label {name = 1, value = 2}},
 * {@code Sample {value = 1 (double), timestamp = 2 (int64 ms)}}. Exemplars, histograms and metadata are
 * skipped. Read with protobuf's own {@link CodedInputStream} rather than generated classes, since only
 * these few fields matter and the schema is frozen for 1.0.
 */
record RemoteWriteRequest(List<Series> series) {

	record Series(Map<String, String> labels, List<Sample> samples) {
	}

	record Sample(double value, long timestampMs) {
	}

	static RemoteWriteRequest parse(byte[] bytes) throws IOException {
		CodedInputStream in = CodedInputStream.newInstance(bytes);
		List<Series> series = new ArrayList<>();
		while (!in.isAtEnd()) {
			int tag = in.readTag();
			if (WireFormat.getTagFieldNumber(tag) == 1 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
				int limit = in.pushLimit(in.readRawVarint32());
				series.add(series(in));
				in.popLimit(limit);
			}
			else if (!in.skipField(tag)) {
				break;
			}
		}
		return new RemoteWriteRequest(series);
	}

	private static Series series(CodedInputStream in) throws IOException {
		Map<String, String> labels = new TreeMap<>();
		List<Sample> samples = new ArrayList<>();
		while (!in.isAtEnd()) {
			int tag = in.readTag();
			int field = WireFormat.getTagFieldNumber(tag);
			boolean message = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
			if (field == 1 && message) {
				int limit = in.pushLimit(in.readRawVarint32());
				String name = "";
				String value = "";
				while (!in.isAtEnd()) {
					int labelTag = in.readTag();
					switch (WireFormat.getTagFieldNumber(labelTag)) {
						case 1 -> name = in.readStringRequireUtf8();
						case 2 -> value = in.readStringRequireUtf8();
						default -> in.skipField(labelTag);
					}
				}
				in.popLimit(limit);
				labels.put(name, value);
			}
			else if (field == 2 && message) {
				int limit = in.pushLimit(in.readRawVarint32());
				double value = 0;
				long timestamp = 0;
				while (!in.isAtEnd()) {
					int sampleTag = in.readTag();
					switch (WireFormat.getTagFieldNumber(sampleTag)) {
						case 1 -> value = in.readDouble();
						case 2 -> timestamp = in.readInt64();
						default -> in.skipField(sampleTag);
					}
				}
				in.popLimit(limit);
				samples.add(new Sample(value, timestamp));
			}
			else {
				in.skipField(tag);
			}
		}
		return new Series(labels, samples);
	}

}
