package io.nopesight.api.metric;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import com.google.protobuf.CodedOutputStream;
import org.xerial.snappy.Snappy;

/**
 * Encodes remote-write requests the way Prometheus does (protobuf, then snappy block compression).
 */
final class RemoteWriteEncoding {

	private RemoteWriteEncoding() {
	}

	static byte[] request(Map<String, String> labels, double value, long timestampMs) throws IOException {
		byte[] series = series(labels, value, timestampMs);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		CodedOutputStream out = CodedOutputStream.newInstance(bytes);
		out.writeByteArray(1, series);
		out.flush();
		return Snappy.compress(bytes.toByteArray());
	}

	private static byte[] series(Map<String, String> labels, double value, long timestampMs) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		CodedOutputStream out = CodedOutputStream.newInstance(bytes);
		for (Map.Entry<String, String> label : labels.entrySet()) {
			ByteArrayOutputStream labelBytes = new ByteArrayOutputStream();
			CodedOutputStream labelOut = CodedOutputStream.newInstance(labelBytes);
			labelOut.writeString(1, label.getKey());
			labelOut.writeString(2, label.getValue());
			labelOut.flush();
			out.writeByteArray(1, labelBytes.toByteArray());
		}
		ByteArrayOutputStream sampleBytes = new ByteArrayOutputStream();
		CodedOutputStream sampleOut = CodedOutputStream.newInstance(sampleBytes);
		sampleOut.writeDouble(1, value);
		sampleOut.writeInt64(2, timestampMs);
		sampleOut.flush();
		out.writeByteArray(2, sampleBytes.toByteArray());
		out.flush();
		return bytes.toByteArray();
	}

}
