package io.nopesight.core.cmdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nopesight.core.outbox.ChangePosition;
import io.nopesight.core.outbox.DomainEventOutbox;
import io.nopesight.core.outbox.DomainEventPage;
import io.nopesight.core.outbox.StoredDomainEvent;

/**
 * A Lucene index of CIs, derived from PostgreSQL: it follows the domain-event outbox, so every node's
 * index catches up with every write, and a missing index is rebuilt from the table at start.
 */
class LuceneCmdbIndex implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LuceneCmdbIndex.class);

	private static final String POSITION_XID = "position.xid";

	private static final String POSITION_SEQ = "position.seq";

	private static final String STREAM = "stream";

	private static final String ANALYSIS = "analysis";

	private static final int BATCH = 2000;

	private static final List<String> FOLLOWED = List.of("ci.");

	private final JdbcConfigurationItemRepository items;

	private final DomainEventOutbox outbox;

	private final FSDirectory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final Analyzer indexAnalyzer = CmdbTextAnalysis.forIndexing();

	private final Analyzer queryAnalyzer = CmdbTextAnalysis.forQueries();

	private final String stream;

	private volatile ChangePosition position;

	private boolean dirty;

	// bulk writers hand their catch-up to this thread: indexing (and re-reading the rows) then runs on the
	// other core while the writer goes on with its next batch, instead of in turn with it
	private final ExecutorService follower = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "cmdb-index-follower");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean followRequested = new AtomicBoolean();

	LuceneCmdbIndex(Path indexDir, JdbcConfigurationItemRepository items, DomainEventOutbox outbox) {
		this.items = items;
		this.outbox = outbox;
		try {
			Files.createDirectories(indexDir);
			this.directory = FSDirectory.open(indexDir);
			this.stream = outbox.streamId();
			boolean exists = DirectoryReader.indexExists(this.directory);
			this.writer = new IndexWriter(this.directory, new IndexWriterConfig(this.indexAnalyzer)
				.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
			this.searchers = new SearcherManager(this.writer, null);
			Map<String, String> committed = exists ? committedData() : Map.of();
			boolean current = this.stream.equals(committed.get(STREAM))
					&& CmdbTextAnalysis.VERSION.equals(committed.get(ANALYSIS));
			this.position = current ? position(committed) : rebuild();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not open the search index in " + indexDir, ex);
		}
		catchUp();
	}

	/**
	 * Applies every change committed since the last call; safe to call from any thread.
	 */
	synchronized void catchUp() {
		try {
			DomainEventPage page;
			do {
				page = this.outbox.readAfter(this.position, BATCH, FOLLOWED);
				Set<String> changed = new LinkedHashSet<>();
				for (StoredDomainEvent event : page.events()) {
					changed.add(event.aggregateId());
				}
				apply(changed);
				if (!page.readTo().equals(this.position)) {
					this.position = page.readTo();
					this.dirty = true;
				}
			}
			while (page.more());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Catches up on another thread, soon; requests made while one is waiting to run are one request.
	 */
	void catchUpSoon() {
		if (!this.followRequested.compareAndSet(false, true)) {
			return;
		}
		try {
			this.follower.execute(() -> {
				this.followRequested.set(false);
				try {
					catchUp();
				}
				catch (RuntimeException ex) {
					// the scheduled follower tries again; the outbox position did not move
					logger.warn("Search index catch-up failed", ex);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// closing: the index catches up from the outbox when it opens next
			this.followRequested.set(false);
		}
	}

	/**
	 * Re-reads the given CIs into the index at once, whatever the outbox position; used right after a
	 * local commit so the writer sees its change in search even while some long transaction elsewhere
	 * holds the outbox back. The follower applies the same events again later, which is harmless.
	 */
	synchronized void refresh(Set<String> ids) {
		try {
			apply(ids);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Makes the applied changes durable, with the outbox position they reach.
	 */
	synchronized void commit() {
		if (!this.dirty) {
			return;
		}
		try {
			this.writer.setLiveCommitData(Map.of(POSITION_XID, Long.toString(this.position.xid()), POSITION_SEQ,
					Long.toString(this.position.seq()), STREAM, this.stream, ANALYSIS, CmdbTextAnalysis.VERSION)
				.entrySet());
			this.writer.commit();
			this.dirty = false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	SearchHits search(String text, @Nullable String type, @Nullable ConfigurationItemStatus status,
			@Nullable ConfigurationItemSort sort, boolean descending, long offset, int limit) {
		Query query = query(text, type, status);
		try {
			// changes are applied to the writer as they come; a reader is reopened only when someone searches
			this.searchers.maybeRefreshBlocking();
			IndexSearcher searcher = this.searchers.acquire();
			try {
				int total = searcher.count(query);
				int wanted = (int) Math.min(Integer.MAX_VALUE, offset + limit);
				if (offset >= total) {
					return new SearchHits(total, List.of());
				}
				TopDocs top = searcher.search(query, wanted, sort(sort, descending));
				List<String> ids = new ArrayList<>(limit);
				for (int i = (int) offset; i < top.scoreDocs.length; i++) {
					ScoreDoc hit = top.scoreDocs[i];
					ids.add(searcher.storedFields().document(hit.doc).get("id"));
				}
				return new SearchHits(total, ids);
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.follower.shutdown();
		try {
			this.follower.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		closeIndex();
	}

	private synchronized void closeIndex() throws IOException {
		commit();
		this.searchers.close();
		this.writer.close();
		this.directory.close();
		this.indexAnalyzer.close();
		this.queryAnalyzer.close();
	}

	private Query query(String text, @Nullable String type, @Nullable ConfigurationItemStatus status) {
		SimpleQueryParser parser = new SimpleQueryParser(this.queryAnalyzer, Map.of("name", 3.0f, "all", 1.0f));
		parser.setDefaultOperator(Occur.MUST);
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(parser.parse(text), Occur.MUST);
		if (type != null) {
			query.add(new TermQuery(new Term("type", type)), Occur.FILTER);
		}
		if (status != null) {
			query.add(new TermQuery(new Term("status", status.value())), Occur.FILTER);
		}
		return query.build();
	}

	private static Sort sort(@Nullable ConfigurationItemSort sort, boolean descending) {
		SortField tieBreak = new SortField("id_sort", SortField.Type.STRING, descending);
		if (sort == null) {
			return new Sort(SortField.FIELD_SCORE, new SortField("id_sort", SortField.Type.STRING));
		}
		SortField primary = switch (sort) {
			case NAME -> new SortField("name_sort", SortField.Type.STRING, descending);
			case CREATED_AT -> new SortField("created", SortField.Type.LONG, descending);
			case UPDATED_AT -> new SortField("updated", SortField.Type.LONG, descending);
		};
		return new Sort(primary, tieBreak);
	}

	private void apply(Set<String> ids) throws IOException {
		if (ids.isEmpty()) {
			return;
		}
		Set<String> missing = new LinkedHashSet<>(ids);
		for (ConfigurationItem ci : this.items.findByIds(ids)) {
			this.writer.updateDocument(new Term("id", ci.id()), document(ci));
			missing.remove(ci.id());
		}
		for (String id : missing) {
			this.writer.deleteDocuments(new Term("id", id));
		}
	}

	private ChangePosition rebuild() throws IOException {
		long started = System.nanoTime();
		ChangePosition safe = this.outbox.currentSafePosition();
		this.writer.deleteAll();
		String after = "";
		int count = 0;
		List<ConfigurationItem> batch;
		do {
			batch = this.items.findAfter(after, BATCH);
			for (ConfigurationItem ci : batch) {
				this.writer.addDocument(document(ci));
			}
			count += batch.size();
			if (!batch.isEmpty()) {
				after = batch.get(batch.size() - 1).id();
			}
		}
		while (batch.size() == BATCH);
		this.position = safe;
		this.dirty = true;
		commit();
		logger.info("Rebuilt the CMDB search index from PostgreSQL: {} CIs in {} ms", count,
				(System.nanoTime() - started) / 1_000_000);
		return safe;
	}

	private static ChangePosition position(Map<String, String> committed) {
		return new ChangePosition(Long.parseLong(committed.getOrDefault(POSITION_XID, "0")),
				Long.parseLong(committed.getOrDefault(POSITION_SEQ, "0")));
	}

	private Map<String, String> committedData() {
		Map<String, String> data = new HashMap<>();
		Iterable<Map.Entry<String, String>> live = this.writer.getLiveCommitData();
		if (live != null) {
			live.forEach((e) -> data.put(e.getKey(), e.getValue()));
		}
		return data;
	}

	private static Document document(ConfigurationItem ci) {
		Document doc = new Document();
		doc.add(new StringField("id", ci.id(), Field.Store.YES));
		doc.add(new SortedDocValuesField("id_sort", new BytesRef(ci.id())));
		doc.add(new StringField("type", ci.type(), Field.Store.NO));
		doc.add(new StringField("status", ci.status().value(), Field.Store.NO));
		doc.add(new TextField("name", ci.name(), Field.Store.NO));
		doc.add(new SortedDocValuesField("name_sort", new BytesRef(ci.name().toLowerCase(Locale.ROOT))));
		doc.add(new NumericDocValuesField("created", micros(ci.createdAt())));
		doc.add(new NumericDocValuesField("updated", micros(ci.updatedAt())));
		StringBuilder all = new StringBuilder(ci.name()).append(' ').append(ci.type());
		if (ci.description() != null) {
			all.append(' ').append(ci.description());
		}
		// sightings move with every scan and publish no event, so the index would only hold stale ones
		appendFields(all, ci.attributes(), CmdbManagement.SIGHTING_ATTRIBUTES);
		appendFields(all, ci.customFields(), Set.of());
		doc.add(new TextField("all", all.toString(), Field.Store.NO));
		return doc;
	}

	private static long micros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
	}

	private static void appendFields(StringBuilder all, Map<String, @Nullable Object> fields, Set<String> skipped) {
		fields.forEach((key, value) -> {
			if (value != null && !skipped.contains(key)) {
				all.append(' ').append(key.replace('_', ' ')).append(' ').append(value);
			}
		});
	}

}
