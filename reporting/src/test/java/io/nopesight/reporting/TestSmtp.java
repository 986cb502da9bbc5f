package io.nopesight.reporting;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

/**
 * A real SMTP server (GreenMail) on loopback, on a port chosen once, so that it can be stopped and started
 * again where the application expects it.
 */
final class TestSmtp {

	private final int port = freePort();

	private @Nullable GreenMail server;

	int port() {
		return this.port;
	}

	synchronized void start() {
		if (this.server == null) {
			GreenMail started = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			started.start();
			this.server = started;
		}
	}

	synchronized void stop() {
		if (this.server != null) {
			this.server.stop();
			this.server = null;
		}
	}

	/**
	 * What the running server received for the recipient.
	 */
	synchronized List<MimeMessage> messagesTo(String recipient) throws MessagingException {
		List<MimeMessage> messages = new ArrayList<>();
		if (this.server == null) {
			return messages;
		}
		for (MimeMessage message : this.server.getReceivedMessages()) {
			Address[] to = message.getAllRecipients();
			if (to != null && Arrays.stream(to).anyMatch((address) -> address.toString().equals(recipient))) {
				messages.add(message);
			}
		}
		return messages;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
