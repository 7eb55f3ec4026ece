package dev.replay;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

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

	// whether the site answers as if it were gone, while a test says so
	private static volatile boolean gone;

	// whether this JVM serves the site, so that it can make it go away
	private static volatile boolean servedHere;

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
			servedHere = true;
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

	/**
	 * Run something while the site answers every request with 404, as a site that went
	 * away or changed its assets would.
	 * @param action what to run
	 * @throws Exception what the action throws
	 */
	public static void whileGone(Callable<?> action) throws Exception {
		if (!servedHere) {
			throw new IllegalStateException(
					"The corpus site is served by another process; it cannot be made to go away");
		}
		gone = true;
		try {
			action.call();
		}
		finally {
			gone = false;
		}
	}

	private static void serve(HttpExchange exchange) throws IOException {
		if (gone) {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
			return;
		}
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
