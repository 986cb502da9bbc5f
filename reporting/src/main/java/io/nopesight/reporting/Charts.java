package io.nopesight.reporting;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import javax.imageio.ImageIO;

import org.jspecify.annotations.Nullable;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.TimeTableXYDataset;

import net.sf.jasperreports.renderers.Renderable;
import net.sf.jasperreports.renderers.SimpleDataRenderer;

/**
 * The reports' charts, drawn with JFreeChart in the reports' fonts and placed as PNG images at twice their size
 * on the page (sharp in print and on screen, the same picture in PDF, HTML and XLSX).
 */
final class Charts {

	static final Color BLUE = new Color(0x2f6fad);

	static final Color LIGHT_BLUE = new Color(0x9cc3e6);

	static final Color GREY = new Color(0x8c8c8c);

	private static final Color GRID = new Color(0xdddddd);

	private static final int SCALE = 2;

	private Charts() {
	}

	/**
	 * Bars of each series per category, across the page ({@code horizontal}) when there are many categories or
	 * long names, the last series' bars with their value at their end.
	 */
	static JFreeChart bars(DefaultCategoryDataset data, String valueAxis, boolean horizontal, List<Color> colors,
			String valueFormat) {
		return bars(data, valueAxis, horizontal, colors, valueFormat, null);
	}

	/** As {@link #bars}, the value axis starting at {@code lowerBound} rather than at 0 when one is given. */
	static JFreeChart bars(DefaultCategoryDataset data, String valueAxis, boolean horizontal, List<Color> colors,
			String valueFormat, @Nullable Double lowerBound) {
		CategoryAxis categories = new CategoryAxis();
		NumberAxis values = new NumberAxis(valueAxis);
		BarRenderer renderer = new BarRenderer();
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setDrawBarOutline(false);
		renderer.setItemMargin(0.05);
		renderer.setMaximumBarWidth(0.12);
		renderer.setDefaultItemLabelGenerator(
				new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat(valueFormat)));
		renderer.setDefaultItemLabelsVisible(true);
		renderer.setDefaultItemLabelFont(ChartFonts.regular(7f));
		for (int i = 0; i < colors.size(); i++) {
			renderer.setSeriesPaint(i, colors.get(i));
		}
		// side by side, the figures of close bars overlap: only the last series says its figures
		for (int i = 0; i < data.getRowCount() - 1; i++) {
			renderer.setSeriesItemLabelsVisible(i, false);
		}
		CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
		plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
		if (horizontal) {
			// values below the bars, each bar's figure just past its end
			plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
			renderer.setDefaultPositiveItemLabelPosition(
					new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
		}
		categories.setTickLabelFont(ChartFonts.forLabels(8f, labels(data)));
		categories.setCategoryMargin(0.15);
		categories.setMaximumCategoryLabelWidthRatio(horizontal ? 0.35f : 1f);
		values.setUpperMargin(0.12);
		if (lowerBound != null) {
			double highest = lowerBound + 1;
			for (int row = 0; row < data.getRowCount(); row++) {
				for (int column = 0; column < data.getColumnCount(); column++) {
					Number value = data.getValue(row, column);
					highest = (value != null) ? Math.max(highest, value.doubleValue()) : highest;
				}
			}
			// room past the longest bar for its figure
			values.setRange(lowerBound, highest + (highest - lowerBound) * 0.18);
		}
		style(plot.getRangeAxis());
		plot.setRangeGridlinePaint(GRID);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setOutlineVisible(false);
		return chart(plot, data.getRowCount() > 1);
	}

	/** Stacked bars per time bucket, one series per category of what is counted. */
	static JFreeChart stackedOverTime(TimeTableXYDataset data, String valueAxis, List<Color> colors, boolean hourly,
			TimeZone zone) {
		DateAxis time = new DateAxis();
		time.setTimeZone(zone);
		SimpleDateFormat format = new SimpleDateFormat(hourly ? "dd MMM HH:mm" : "dd MMM", Locale.UK);
		format.setTimeZone(zone);
		time.setDateFormatOverride(format);
		style(time);
		NumberAxis values = new NumberAxis(valueAxis);
		values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		style(values);
		StackedXYBarRenderer renderer = new StackedXYBarRenderer(0.1);
		renderer.setBarPainter(new StandardXYBarPainter());
		renderer.setShadowVisible(false);
		renderer.setDrawBarOutline(false);
		for (int i = 0; i < colors.size(); i++) {
			renderer.setSeriesPaint(i, colors.get(i));
		}
		XYPlot plot = new XYPlot(data, time, values, renderer);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(GRID);
		plot.setDomainGridlinesVisible(false);
		plot.setOutlineVisible(false);
		return chart(plot, true);
	}

	/** The chart as an image of {@code width} x {@code height} points. */
	static Renderable image(JFreeChart chart, int width, int height) {
		BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			graphics.scale(SCALE, SCALE);
			chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
		}
		finally {
			graphics.dispose();
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return SimpleDataRenderer.getInstance(png.toByteArray());
	}

	private static JFreeChart chart(org.jfree.chart.plot.Plot plot, boolean legend) {
		JFreeChart chart = new JFreeChart(null, ChartFonts.bold(10f), plot, legend);
		chart.setBackgroundPaint(Color.WHITE);
		chart.setAntiAlias(true);
		chart.setPadding(new RectangleInsets(4, 4, 4, 4));
		LegendTitle legendTitle = chart.getLegend();
		if (legendTitle != null) {
			legendTitle.setItemFont(ChartFonts.regular(8f));
			legendTitle.setFrame(org.jfree.chart.block.BlockBorder.NONE);
			legendTitle.setPosition(RectangleEdge.BOTTOM);
		}
		return chart;
	}

	private static void style(org.jfree.chart.axis.Axis axis) {
		Font label = ChartFonts.regular(8f);
		axis.setLabelFont(label);
		axis.setTickLabelFont(label);
		axis.setAxisLinePaint(GREY);
		axis.setTickMarkPaint(GREY);
		axis.setAxisLineStroke(new BasicStroke(0.5f));
	}

	private static List<String> labels(DefaultCategoryDataset data) {
		List<String> labels = new ArrayList<>();
		for (Object key : data.getColumnKeys()) {
			labels.add(String.valueOf(key));
		}
		return labels;
	}

}
