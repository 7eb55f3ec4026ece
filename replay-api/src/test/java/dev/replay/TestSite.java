package dev.replay;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;

/**
 * A small web site on 127.0.0.1 for the tests that record a page or capture its assets:
 * each path serves what a test put there, any other path answers 404.
 */
public final class TestSite implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, File> files = new ConcurrentHashMap<>();

	private TestSite(HttpServer server) {
		this.server = server;
	}

	/**
	 * Start an empty site on a free port.
	 * @return the site
	 */
	public static TestSite start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			TestSite site = new TestSite(server);
			server.createContext("/", (exchange) -> {
				File file = site.files.get(exchange.getRequestURI().getPath());
				if (file == null) {
					exchange.sendResponseHeaders(404, -1);
				}
				else {
					exchange.getResponseHeaders().set("Content-Type", file.contentType());
					exchange.sendResponseHeaders(200, file.body().length);
					try (OutputStream out = exchange.getResponseBody()) {
						out.write(file.body());
					}
				}
				exchange.close();
			});
			server.start();
			return site;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Start a site that serves one HTML page at {@code /}.
	 * @param html the page
	 * @return the site
	 */
	public static TestSite page(String html) {
		TestSite site = start();
		site.serve("/", "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
		return site;
	}

	/**
	 * Serve bytes at a path, in place of what it served before.
	 * @param path the path
	 * @param contentType their content type
	 * @param body the bytes
	 */
	public void serve(String path, String contentType, byte[] body) {
		this.files.put(path, new File(contentType, body));
	}

	/**
	 * Answer 404 to every path, as a site that went away.
	 */
	public void clear() {
		this.files.clear();
	}

	/**
	 * The site's origin.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String origin() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private record File(String contentType, byte[] body) {

	}

}
