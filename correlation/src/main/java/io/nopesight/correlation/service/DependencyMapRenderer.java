package io.nopesight.correlation.service;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;

import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.springframework.util.Assert;

/**
 * Draws a {@link DependencyMap}: laid out by ELK's layered algorithm (what uses the service on the left,
 * what it depends on to the right), coloured by health, with a legend above the graph, as SVG or as PNG.
 * Text keeps its size however big the map is, so a map of hundreds of boxes makes a big picture that is
 * legible at 100%. Needs no display: the PNG is drawn with Batik on a headless JVM. Thread-safe.
 */
public final class DependencyMapRenderer {

	public String svg(DependencyMap map) {
		Assert.notNull(map, "'map' must not be null");
		return MapSvg.write(draw(map));
	}

	public byte[] png(DependencyMap map) {
		String svg = svg(map);
		PNGTranscoder transcoder = new PNGTranscoder();
		ByteArrayOutputStream png = new ByteArrayOutputStream(256 * 1024);
		try {
			transcoder.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(png));
		}
		catch (TranscoderException ex) {
			throw new IllegalStateException("Could not turn the dependency map '" + map.title() + "' into PNG", ex);
		}
		return png.toByteArray();
	}

	/** The laid-out picture that {@link #svg} writes, for tests that check its geometry. */
	MapDrawing draw(DependencyMap map) {
		return MapDrawing.of(map);
	}

}
