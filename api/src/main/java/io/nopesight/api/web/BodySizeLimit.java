package io.nopesight.api.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import io.nopesight.api.error.ApiErrorWriter;
import io.nopesight.api.error.ErrorCode;

/**
 * Refuses request bodies over the limit with 413, whether the client announces the size or streams it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BodySizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	// file uploads (paths ending in /import) stream to disk and get their own, larger limit
	private final long maxImportBytes;

	private final ApiErrorWriter errors;

	BodySizeLimit(@Value("${nopesight.api.max-body-size:16MB}") DataSize maxBody,
			@Value("${nopesight.api.max-import-body-size:4GB}") DataSize maxImportBody, ApiErrorWriter errors) {
		this.maxBytes = maxBody.toBytes();
		this.maxImportBytes = maxImportBody.toBytes();
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long max = request.getRequestURI().endsWith("/import") ? this.maxImportBytes : this.maxBytes;
		if (request.getContentLengthLong() > max) {
			this.errors.write(request, response, ErrorCode.PAYLOAD_TOO_LARGE, tooLarge(max), List.of());
			return;
		}
		chain.doFilter(new LimitedRequest(request, max), response);
	}

	private static String tooLarge(long max) {
		return "Request body is larger than " + DataSize.ofBytes(max).toMegabytes() + " MB";
	}

	/**
	 * Raised while reading a body that passes the limit.
	 */
	public static class PayloadTooLargeException extends IOException {

		private static final long serialVersionUID = 1L;

		PayloadTooLargeException(long max) {
			super(tooLarge(max));
		}

	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long max;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long max) {
			super(request);
			this.max = max;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedStream(super.getInputStream(), this.max);
			}
			return this.stream;
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long max;

		private long read;

		LimitedStream(ServletInputStream in, long max) {
			this.in = in;
			this.max = max;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws PayloadTooLargeException {
			this.read += n;
			if (this.read > this.max) {
				throw new PayloadTooLargeException(this.max);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
