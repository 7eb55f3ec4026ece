package dev.replay.ingest.asset;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A web site on 127.0.0.1 that the fetcher tests fetch from, with the requests it saw.
 */
final class TestSite implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	final List<Request> requests = new CopyOnWriteArrayList<>();

	TestSite() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(this.executor);
	}

	/**
	 * Answer requests to a path.
	 * @param path the path
	 * @param handler what to answer
	 * @return this site
	 */
	TestSite on(String path, Handler handler) {
		this.server.createContext(path, (exchange) -> {
			this.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
					exchange.getRequestHeaders()));
			try (exchange) {
				handler.handle(exchange);
			}
			catch (IOException ex) {
				// the fetcher hung up, as it does past a limit
			}
		});
		return this;
	}

	TestSite start() {
		this.server.start();
		return this;
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * The origin of this site, {@code http://127.0.0.1:port}.
	 * @return the origin
	 */
	AssetOrigin origin() {
		return AssetOrigin.of(url(""));
	}

	String url(String path) {
		return "http://127.0.0.1:" + port() + path;
	}

	long requestsTo(String path) {
		return this.requests.stream().filter((request) -> request.path().startsWith(path)).count();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	static Handler answer(int status, String contentType, byte[] body) {
		return (exchange) -> {
			if (contentType != null) {
				exchange.getResponseHeaders().set("Content-Type", contentType);
			}
			exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
			exchange.getResponseBody().write(body);
		};
	}

	static Handler redirect(int status, String location) {
		return (exchange) -> {
			exchange.getResponseHeaders().set("Location", location);
			exchange.sendResponseHeaders(status, -1);
		};
	}

	/**
	 * An endless body without length, written until the client hangs up (at most 1 GB).
	 * @param contentType its type
	 * @param pauseMillis the pause between two writes of 1 KB
	 * @return the handler
	 */
	static Handler endless(String contentType, long pauseMillis) {
		return (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", contentType);
			exchange.sendResponseHeaders(200, 0);
			OutputStream body = exchange.getResponseBody();
			byte[] chunk = new byte[1024];
			for (int i = 0; i < 1024 * 1024; i++) {
				body.write(chunk);
				body.flush();
				pause(pauseMillis);
			}
		};
	}

	static void pause(long millis) throws IOException {
		if (millis > 0) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
		}
	}

	/**
	 * Answers one request.
	 */
	@FunctionalInterface
	interface Handler {

		void handle(HttpExchange exchange) throws IOException;

	}

	/**
	 * A request the site saw.
	 *
	 * @param method its method
	 * @param path its path and query
	 * @param headers its headers
	 */
	record Request(String method, String path, Headers headers) {

	}

}
