package io.nopesight.api.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Ignores flushes until {@link #flushDeferred()}, so the container sends a (small) response only after the
 * audit entry is written. A body larger than the response buffer still goes out when the buffer fills.
 */
final class DeferredFlushResponse extends HttpServletResponseWrapper {

	private ServletOutputStream stream;

	private PrintWriter writer;

	DeferredFlushResponse(HttpServletResponse response) {
		super(response);
	}

	@Override
	public void flushBuffer() {
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (this.stream == null) {
			ServletOutputStream target = super.getOutputStream();
			this.stream = new ServletOutputStream() {

				@Override
				public void write(int b) throws IOException {
					target.write(b);
				}

				@Override
				public void write(byte[] b, int off, int len) throws IOException {
					target.write(b, off, len);
				}

				@Override
				public void flush() {
				}

				@Override
				public void close() {
				}

				@Override
				public boolean isReady() {
					return target.isReady();
				}

				@Override
				public void setWriteListener(WriteListener listener) {
					target.setWriteListener(listener);
				}

			};
		}
		return this.stream;
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (this.writer == null) {
			Writer target = super.getWriter();
			this.writer = new PrintWriter(new Writer() {

				@Override
				public void write(char[] buffer, int off, int len) throws IOException {
					target.write(buffer, off, len);
				}

				@Override
				public void flush() {
				}

				@Override
				public void close() {
				}

			});
		}
		return this.writer;
	}

	void flushDeferred() throws IOException {
		if (this.writer != null) {
			((HttpServletResponse) getResponse()).getWriter().flush();
		}
		getResponse().flushBuffer();
	}

}
