package dev.replay.ingest.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import dev.replay.ingest.load.LoadCorpus.LoadRequest;

/**
 * One HTTP/1.1 keep-alive connection that writes prepared requests as they are and reads
 * each answer's status, as a browser's upload connection does. The load generator uses it
 * instead of a general-purpose client so that little of the machine's CPU goes to
 * sending: every microsecond spent here is one the server does not get.
 */
final class KeepAliveConnection implements AutoCloseable {

	private static final int BUFFER_SIZE = 64 * 1024;

	private static final int CONNECT_TIMEOUT_MS = 5_000;

	private static final int READ_TIMEOUT_MS = 30_000;

	private final String host;

	private final int port;

	private final String hostHeader;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	KeepAliveConnection(URI base) {
		this.host = base.getHost();
		this.port = (base.getPort() > 0) ? base.getPort() : 80;
		this.hostHeader = this.host + ":" + this.port;
	}

	/**
	 * Send a request and read its answer, opening the connection first when it is closed.
	 * @param request the request
	 * @return the answer's status code
	 * @throws IOException when the exchange fails; the connection is then closed
	 */
	int send(LoadRequest request) throws IOException {
		try {
			if (this.socket == null) {
				open();
			}
			this.out.write(head(request));
			this.out.write(request.body());
			this.out.flush();
			return readAnswer();
		}
		catch (IOException ex) {
			close();
			throw ex;
		}
	}

	private void open() throws IOException {
		Socket opened = new Socket();
		opened.setTcpNoDelay(true);
		opened.setSoTimeout(READ_TIMEOUT_MS);
		opened.connect(new InetSocketAddress(this.host, this.port), CONNECT_TIMEOUT_MS);
		this.socket = opened;
		this.in = new BufferedInputStream(opened.getInputStream(), BUFFER_SIZE);
		this.out = new BufferedOutputStream(opened.getOutputStream(), BUFFER_SIZE);
	}

	private byte[] head(LoadRequest request) {
		StringBuilder head = new StringBuilder(512);
		head.append("POST ").append(request.pathAndQuery()).append(" HTTP/1.1\r\n");
		head.append("Host: ").append(this.hostHeader).append("\r\n");
		head.append("Content-Length: ").append(request.body().length).append("\r\n");
		for (Map.Entry<String, String> header : request.headers().entrySet()) {
			head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
		}
		return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	private int readAnswer() throws IOException {
		String statusLine = readLine();
		String[] status = statusLine.split(" ", 3);
		if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
			throw new IOException("Not an HTTP/1.1 answer: " + statusLine);
		}
		long contentLength = -1;
		boolean chunked = false;
		boolean closing = false;
		for (String line = readLine(); !line.isEmpty(); line = readLine()) {
			int colon = line.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = line.substring(colon + 1).trim();
			switch (name) {
				case "content-length" -> contentLength = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				case "connection" -> closing = value.equalsIgnoreCase("close");
				default -> {
				}
			}
		}
		if (chunked) {
			skipChunks();
		}
		else if (contentLength > 0) {
			skip(contentLength);
		}
		if (closing) {
			close();
		}
		return Integer.parseInt(status[1]);
	}

	private void skipChunks() throws IOException {
		while (true) {
			String size = readLine();
			int extension = size.indexOf(';');
			long length = Long.parseLong((extension >= 0) ? size.substring(0, extension).trim() : size.trim(), 16);
			if (length == 0) {
				while (!readLine().isEmpty()) {
					// trailers
				}
				return;
			}
			skip(length);
			readLine();
		}
	}

	private void skip(long length) throws IOException {
		long left = length;
		while (left > 0) {
			long skipped = this.in.skip(left);
			if (skipped <= 0) {
				if (this.in.read() < 0) {
					throw new EOFException("The answer ended early.");
				}
				skipped = 1;
			}
			left -= skipped;
		}
	}

	private String readLine() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(128);
		int b;
		while ((b = this.in.read()) != '\n') {
			if (b < 0) {
				throw new EOFException("The connection closed during an answer.");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
			this.socket = null;
		}
	}

}
