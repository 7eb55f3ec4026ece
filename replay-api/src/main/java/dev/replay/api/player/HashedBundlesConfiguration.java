package dev.replay.api.player;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the bundles named by their content, the player page's scripts and styles
 * ({@code /player/assets/<name>-<hash>.js} and {@code .css}) and the app's chunks
 * ({@code /app/chunks/<name>-<hash>.js}), as files that never change under their name:
 * browsers keep them for a year without asking again, so opening the next replay loads
 * its page and its data only. The pages that name them and every file under a fixed name
 * keep Spring Security's {@code no-store}; its header writer leaves a response alone when
 * the handler has set a {@code Cache-Control} of its own. A name that is not there is a
 * 404 without this header. See ADR 0037.
 */
@Configuration(proxyBeanMethods = false)
class HashedBundlesConfiguration implements WebMvcConfigurer {

	/** How long browsers and proxies may keep a bundle. */
	static final Duration MAX_AGE = Duration.ofDays(365);

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// the hash in the name changes with the content, so nothing needs revalidating
		CacheControl immutable = CacheControl.maxAge(MAX_AGE).cachePublic().immutable();
		registry.addResourceHandler("/player/assets/**")
			.addResourceLocations("classpath:/static/player/assets/")
			.setCacheControl(immutable);
		registry.addResourceHandler("/app/chunks/**")
			.addResourceLocations("classpath:/static/app/chunks/")
			.setCacheControl(immutable);
	}

}
