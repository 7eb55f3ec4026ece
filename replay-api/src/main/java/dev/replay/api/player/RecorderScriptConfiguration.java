package dev.replay.api.player;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.util.DigestUtils;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the recorder script ({@code /sdk/recorder.js}) that every recorded page loads as
 * a cacheable file: sites keep its address across releases, so browsers and proxies may
 * keep it for a few minutes and then revalidate it with its {@code ETag} (a hash of its
 * bytes), answered 304 while it is unchanged. No {@code Last-Modified}: the dates of
 * files in a jar may be the same in two builds. Its filter chain creates no session and
 * sets no cookie.
 */
@Configuration(proxyBeanMethods = false)
class RecorderScriptConfiguration implements WebMvcConfigurer {

	/** How long a cache may use the script before it asks again. */
	static final Duration MAX_AGE = Duration.ofMinutes(5);

	// the bundled files never change while the application runs
	private final Map<String, String> etags = new ConcurrentHashMap<>();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/sdk/**")
			.addResourceLocations("classpath:/static/sdk/")
			.setCacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
			.setUseLastModified(false)
			.setEtagGenerator(this::etag);
	}

	private String etag(Resource resource) {
		return this.etags.computeIfAbsent(resource.getDescription(), (key) -> hash(resource));
	}

	private static String hash(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return "\"" + DigestUtils.md5DigestAsHex(in) + "\"";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
