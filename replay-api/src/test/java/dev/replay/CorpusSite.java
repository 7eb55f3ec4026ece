package dev.replay;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.replay.ingest.testsupport.TestCorpus;
import org.jspecify.annotations.Nullable;

/**
 * Serves the recorded pages' assets at {@code http://127.0.0.1:8090}, where the
 * recordings point, so that replays render with their images, styles and fonts.
 */
public final class CorpusSite implements AutoCloseable {

	private static final Path ROOT = TestCorpus.ROOT.resolve("site").toAbsolutePath().normalize();

	private final @Nullable HttpServer server;

	private CorpusSite(@Nullable HttpServer server) {
		this.server = server;
	}

	/**
	 * Serve the site, or use the server already serving it when another test run holds
	 * the port.
	 * @return the running site
	 * @throws IOException if the port is taken by something else
	 */
	public static CorpusSite start() throws IOException {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 8090), 0);
			server.createContext("/", CorpusSite::serve);
			server.start();
			return new CorpusSite(server);
		}
		catch (BindException ex) {
			if (alreadyServed()) {
				return new CorpusSite(null);
			}
			throw ex;
		}
	}

	private static boolean alreadyServed() {
		try {
			HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:8090/index.html")
				.toURL()
				.openConnection();
			return connection.getResponseCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void serve(HttpExchange exchange) throws IOException {
		Path file = ROOT.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
		if (!file.startsWith(ROOT) || !Files.isRegularFile(file)) {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
			return;
		}
		String type = Files.probeContentType(file);
		exchange.getResponseHeaders().add("Content-Type", (type != null) ? type : "application/octet-stream");
		exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
		exchange.sendResponseHeaders(200, Files.size(file));
		try (OutputStream out = exchange.getResponseBody()) {
			Files.copy(file, out);
		}
	}

	@Override
	public void close() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

}
