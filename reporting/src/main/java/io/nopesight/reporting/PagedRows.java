package io.nopesight.reporting;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/**
 * Rows read a page at a time as the report takes them, through a module's paged list: only one page is in
 * memory, however many rows there are. The next page is asked for when the last one is used up.
 */
final class PagedRows<T> implements Iterator<T> {

	private final IntFunction<Chunk<T>> pages;

	private List<T> rows = List.of();

	private int index;

	private int next = 1;

	private boolean last;

	/**
	 * @param pages the rows of a page by its 1-based number, and whether it was the last
	 */
	PagedRows(IntFunction<Chunk<T>> pages) {
		this.pages = pages;
	}

	@Override
	public boolean hasNext() {
		// a page may keep none of the rows it read (a filter after reading): read on to the last
		while (this.index >= this.rows.size() && !this.last) {
			Chunk<T> chunk = this.pages.apply(this.next++);
			this.rows = chunk.rows();
			this.index = 0;
			this.last = chunk.last();
		}
		return this.index < this.rows.size();
	}

	@Override
	public T next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		return this.rows.get(this.index++);
	}

	/** The rows of one page, and whether there are no more pages after it. */
	record Chunk<T>(List<T> rows, boolean last) {
	}

}
