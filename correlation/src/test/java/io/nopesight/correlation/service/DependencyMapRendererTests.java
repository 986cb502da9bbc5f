package io.nopesight.correlation.service;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import io.nopesight.correlation.service.DependencyMap.Edge;
import io.nopesight.correlation.service.DependencyMap.Health;
import io.nopesight.correlation.service.DependencyMap.Kind;
import io.nopesight.correlation.service.DependencyMap.Node;
import io.nopesight.correlation.service.DependencyMap.Style;
import io.nopesight.correlation.service.LaidOutMap.Box;
import io.nopesight.correlation.service.LaidOutMap.Flow;
import io.nopesight.correlation.service.LaidOutMap.PlacedEdge;
import io.nopesight.correlation.service.LaidOutMap.PlacedNode;
import io.nopesight.correlation.service.LaidOutMap.Point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class DependencyMapRendererTests {

	private static final FontRenderContext FONTS = new FontRenderContext(null, true, true);

	private final DependencyMapRenderer renderer = new DependencyMapRenderer();

	@Test
	void svgWhenCustomerPortalHasOneBoxPerNodeWithItsLabel() throws Exception {
		// given
		DependencyMap map = DependencyMaps.customerPortal();
		// when
		Document svg = parse(this.renderer.svg(map));
		// then
		List<Element> boxes = elementsOfClass(svg, "g", "node");
		assertThat(boxes).extracting((box) -> box.getAttribute("data-id"))
			.containsExactlyElementsOf(map.nodes().stream().map(Node::id).toList());
		for (int i = 0; i < boxes.size(); i++) {
			List<Element> texts = children(boxes.get(i), "text");
			assertThat(texts.get(0).getTextContent()).isEqualTo(map.nodes().get(i).label());
			assertThat(texts.get(1).getTextContent()).isEqualTo(map.nodes().get(i).detail());
			assertThat(children(boxes.get(i), "rect")).hasSize(1);
		}
		assertThat(elementsOfClass(svg, "path", "edge")).hasSize(map.edges().size());
	}

	@Test
	void svgWhenCustomerPortalHasTitleAndLegendOfHealthsKindsAndStyles() throws Exception {
		// given
		DependencyMap map = DependencyMaps.customerPortal();
		// when
		Document svg = parse(this.renderer.svg(map));
		// then
		assertThat(elementsOfClass(svg, "text", "title")).singleElement()
			.extracting(Element::getTextContent)
			.isEqualTo("Customer Portal: dependency map");
		List<Element> legend = elementsOfClass(svg, "g", "legend");
		assertThat(legend).hasSize(1);
		List<String> words = children(legend.get(0), "text").stream().map(Element::getTextContent).toList();
		assertThat(words).contains("Health", "Boxes", "Arrows", "Healthy", "Degraded", "Down", "Unknown",
				"This service", "Component", "Infrastructure", "Runs on", "Depends on", "Requires (service)");
	}

	@Test
	void drawWhenCustomerPortalNoBoxesOverlapAndEveryTextFitsItsBox() throws Exception {
		DependencyMap map = DependencyMaps.customerPortal();
		assertLegibleGeometry(map, this.renderer.draw(map), this.renderer.svg(map));
	}

	@Test
	void drawWhen200NodesNoBoxesOverlapAndEveryTextFitsItsBox() throws Exception {
		DependencyMap map = DependencyMaps.twoHundredNodes();
		assertThat(map.nodes()).hasSize(200);
		assertLegibleGeometry(map, this.renderer.draw(map), this.renderer.svg(map));
	}

	@Test
	void drawWhenCustomerPortalRunsTopDown() {
		MapDrawing drawing = this.renderer.draw(DependencyMaps.customerPortal());
		assertThat(drawing.graph().flow()).isEqualTo(Flow.TOP_DOWN);
		assertThat(box(drawing, "svc-partner").bottom()).isLessThan(box(drawing, "svc-portal").y());
		assertThat(box(drawing, "svc-portal").bottom()).isLessThan(box(drawing, "web").y());
		assertThat(box(drawing, "db-02").bottom()).isLessThan(box(drawing, "esx-01").y());
	}

	@Test
	void drawWhenTopDownWouldBeAStripManyScreensWideRunsLeftToRight() {
		MapDrawing drawing = this.renderer.draw(DependencyMaps.twoHundredNodes());
		assertThat(drawing.graph().flow()).isEqualTo(Flow.LEFT_TO_RIGHT);
		assertThat(drawing.width()).isLessThan(drawing.height());
		assertThat(box(drawing, "svc").right()).isLessThan(box(drawing, "c0").x());
	}

	@Test
	void svgWhenDrawnTwiceIsTheSame() {
		DependencyMap map = DependencyMaps.customerPortal();
		assertThat(this.renderer.svg(map)).isEqualTo(this.renderer.svg(map));
	}

	@Test
	void svgWhenTextsHoldMarkupEscapesThem() throws Exception {
		// given
		String label = "Web <&> \"quoted\" 'tier'";
		DependencyMap map = new DependencyMap("Map of <Web> & \"friends\"",
				List.of(new Node("<a>", label, "type & <role>", Kind.SERVICE, Health.HEALTHY),
						new Node("b&", "bell\u0007 server", "", Kind.COMPONENT, Health.DOWN)),
				List.of(new Edge("<a>", "b&", "</text><script>", Style.COMPONENT)));
		// when
		String svg = this.renderer.svg(map);
		// then
		assertThat(svg).doesNotContain("<&>", "<Web>", "<script>", "\u0007");
		Document document = parse(svg);
		List<Element> boxes = elementsOfClass(document, "g", "node");
		assertThat(boxes.get(0).getAttribute("data-id")).isEqualTo("<a>");
		assertThat(children(boxes.get(0), "text")).extracting(Element::getTextContent)
			.containsExactly(label, "type & <role>");
		assertThat(children(boxes.get(1), "text")).extracting(Element::getTextContent).containsExactly("bell server");
		assertThat(elementsOfClass(document, "text", "title").get(0).getTextContent())
			.isEqualTo("Map of <Web> & \"friends\"");
		assertThat(children(elementsOfClass(document, "g", "edge-label").get(0), "text")).singleElement()
			.extracting(Element::getTextContent)
			.isEqualTo("</text><script>");
	}

	@Test
	void pngWhenCustomerPortalDecodesAtTheDrawingsSize() throws Exception {
		DependencyMap map = DependencyMaps.customerPortal();
		assertPng(map, "dependency-map-customer-portal.png", 600, 2500);
	}

	@Test
	void pngWhen200NodesDecodesAtTheDrawingsSize() throws Exception {
		DependencyMap map = DependencyMaps.twoHundredNodes();
		assertPng(map, "dependency-map-200.png", 1500, 12000);
	}

	@Test
	void svgWhenMapIsEmptyHasTitleAndLegendOnly() throws Exception {
		// given
		DependencyMap map = new DependencyMap("Nothing mapped yet", List.of(), List.of());
		// when
		Document svg = parse(this.renderer.svg(map));
		byte[] png = this.renderer.png(map);
		// then
		assertThat(elementsOfClass(svg, "g", "node")).isEmpty();
		assertThat(elementsOfClass(svg, "g", "legend")).hasSize(1);
		assertThat(ImageIO.read(new ByteArrayInputStream(png))).isNotNull();
	}

	@Test
	void drawWhenEdgesRepeatOrLoopRoutesEveryOne() {
		// given
		List<Node> nodes = List.of(new Node("app", "app", "", Kind.COMPONENT, Health.HEALTHY),
				new Node("db", "db", "", Kind.COMPONENT, Health.DOWN));
		List<Edge> edges = List.of(new Edge("app", "db", "reads", Style.DEPENDS_ON),
				new Edge("app", "db", "writes", Style.DEPENDS_ON),
				new Edge("db", "db", "replicates", Style.DEPENDS_ON));
		// when
		MapDrawing drawing = this.renderer.draw(new DependencyMap("loops", nodes, edges));
		// then
		assertThat(drawing.graph().edges())
			.allSatisfy((edge) -> assertThat(edge.route()).hasSizeGreaterThanOrEqualTo(2));
	}

	@Test
	void dependencyMapWhenEdgeNamesUnknownNodeThrows() {
		List<Node> nodes = List.of(new Node("a", "A", "", Kind.SERVICE, Health.HEALTHY));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DependencyMap("map", nodes, List.of(new Edge("a", "b", "", Style.COMPONENT))))
			.withMessageContaining("'b'");
	}

	@Test
	void dependencyMapWhenNodeIdRepeatsThrows() {
		Node a = new Node("a", "A", "", Kind.SERVICE, Health.HEALTHY);
		assertThatIllegalArgumentException().isThrownBy(() -> new DependencyMap("map", List.of(a, a), List.of()))
			.withMessageContaining("'a'");
	}

	private void assertPng(DependencyMap map, String file, int minSide, int maxSide) throws IOException {
		// when
		byte[] png = this.renderer.png(map);
		Path target = Path.of("target", file);
		Files.createDirectories(target.getParent());
		Files.write(target, png);
		// then
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		MapDrawing drawing = this.renderer.draw(map);
		assertThat(image).isNotNull();
		assertThat((double) image.getWidth()).isCloseTo(drawing.width(), within(1.0));
		assertThat((double) image.getHeight()).isCloseTo(drawing.height(), within(1.0));
		assertThat(Math.max(image.getWidth(), image.getHeight())).isBetween(minSide, maxSide);
		assertThat(Math.min(image.getWidth(), image.getHeight())).isGreaterThanOrEqualTo(400);
	}

	/**
	 * Boxes and edge labels overlap nothing, routes start and end on their boxes, everything lies below the
	 * legend and inside the canvas, and every text of the SVG, measured here, fits its box.
	 */
	private static void assertLegibleGeometry(DependencyMap map, MapDrawing drawing, String svg) throws Exception {
		List<Box> boxes = drawing.graph().nodes().stream().map(PlacedNode::box).toList();
		List<Box> labels = drawing.graph().edges().stream().map(PlacedEdge::label).filter(Objects::nonNull).toList();
		double graphTop = drawing.legend().bottom();
		Box canvas = new Box(0, graphTop, drawing.width(), drawing.height() - graphTop);
		List<Box> all = new ArrayList<>(boxes);
		all.addAll(labels);
		for (int i = 0; i < all.size(); i++) {
			assertThat(canvas.contains(all.get(i))).as("inside the canvas, below the legend: %s", all.get(i)).isTrue();
			for (int j = i + 1; j < all.size(); j++) {
				assertThat(all.get(i).overlaps(all.get(j))).as("%s overlaps %s", all.get(i), all.get(j)).isFalse();
			}
		}
		for (PlacedEdge edge : drawing.graph().edges()) {
			assertThat(edge.route()).hasSizeGreaterThanOrEqualTo(2);
			assertOnBorder(edge.route().get(0), box(drawing, edge.edge().from()));
			assertOnBorder(edge.route().get(edge.route().size() - 1), box(drawing, edge.edge().to()));
		}
		Document document = parse(svg);
		List<Element> nodes = elementsOfClass(document, "g", "node");
		assertThat(nodes).hasSize(map.nodes().size());
		for (Element node : nodes) {
			Box rect = rect(children(node, "rect").get(0));
			assertSameBox(rect, box(drawing, node.getAttribute("data-id")));
			for (Element text : children(node, "text")) {
				assertThat(fits(text, rect, 4)).as("'%s' fits %s", text.getTextContent(), rect).isTrue();
			}
		}
		Element legend = elementsOfClass(document, "g", "legend").get(0);
		Box legendRect = rect(children(legend, "rect").get(0));
		assertThat(legendRect.width()).isLessThanOrEqualTo(drawing.width());
		for (Element text : children(legend, "text")) {
			assertThat(fits(text, legendRect, 0)).as("'%s' fits the legend", text.getTextContent()).isTrue();
		}
	}

	/** The SVG writes coordinates to a tenth of a pixel. */
	private static void assertSameBox(Box written, Box laidOut) {
		assertThat(written.x()).isCloseTo(laidOut.x(), within(0.06));
		assertThat(written.y()).isCloseTo(laidOut.y(), within(0.06));
		assertThat(written.width()).isCloseTo(laidOut.width(), within(0.06));
		assertThat(written.height()).isCloseTo(laidOut.height(), within(0.06));
	}

	private static void assertOnBorder(Point point, Box box) {
		double tolerance = 1.5;
		boolean insideGrown = point.x() >= box.x() - tolerance && point.x() <= box.right() + tolerance
				&& point.y() >= box.y() - tolerance && point.y() <= box.bottom() + tolerance;
		boolean nearSide = Math.abs(point.x() - box.x()) <= tolerance || Math.abs(point.x() - box.right()) <= tolerance
				|| Math.abs(point.y() - box.y()) <= tolerance || Math.abs(point.y() - box.bottom()) <= tolerance;
		assertThat(insideGrown && nearSide).as("%s is on the border of %s", point, box).isTrue();
	}

	/** Whether a text element, measured in the font Batik draws it with, lies inside {@code box}. */
	private static boolean fits(Element text, Box box, double padding) {
		String content = text.getTextContent();
		float size = Float.parseFloat(text.getAttribute("font-size"));
		Font font = new Font(Font.SANS_SERIF, "bold".equals(text.getAttribute("font-weight")) ? Font.BOLD : Font.PLAIN,
				1)
			.deriveFont(size);
		Rectangle2D bounds = font.getStringBounds(content, FONTS);
		LineMetrics metrics = font.getLineMetrics(content, FONTS);
		double x = Double.parseDouble(text.getAttribute("x"));
		double baseline = Double.parseDouble(text.getAttribute("y"));
		double left = "middle".equals(text.getAttribute("text-anchor")) ? x - bounds.getWidth() / 2 : x;
		Box textBox = new Box(left, baseline - metrics.getAscent(), bounds.getWidth(),
				metrics.getAscent() + metrics.getDescent());
		Box inner = new Box(box.x() + padding, box.y(), box.width() - 2 * padding, box.height());
		return inner.contains(textBox);
	}

	private static Box box(MapDrawing drawing, String id) {
		return drawing.graph()
			.nodes()
			.stream()
			.filter((node) -> node.node().id().equals(id))
			.findFirst()
			.orElseThrow()
			.box();
	}

	private static Box rect(Element rect) {
		return new Box(Double.parseDouble(rect.getAttribute("x")), Double.parseDouble(rect.getAttribute("y")),
				Double.parseDouble(rect.getAttribute("width")), Double.parseDouble(rect.getAttribute("height")));
	}

	private static Document parse(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
	}

	private static List<Element> elementsOfClass(Document document, String name, String cssClass) {
		NodeList found = document.getElementsByTagNameNS("*", name);
		List<Element> elements = new ArrayList<>();
		for (int i = 0; i < found.getLength(); i++) {
			Element element = (Element) found.item(i);
			if (element.getAttribute("class").equals(cssClass)) {
				elements.add(element);
			}
		}
		return elements;
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> elements = new ArrayList<>();
		for (org.w3c.dom.Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element && element.getLocalName().equals(name)) {
				elements.add(element);
			}
		}
		return elements;
	}

}
