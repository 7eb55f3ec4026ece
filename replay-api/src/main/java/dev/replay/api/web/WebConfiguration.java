package dev.replay.api.web;

import java.time.Instant;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks that every handler's query parameters can be read safely, and keeps instant
 * parameters within the range the database holds.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// anyone can write a sign-in link; its page keeps only paths of the app from
		// next, so the page (forwarded to /app/login.html) is always served
		registry.addInterceptor(new ControlCharacterCheck()).excludePathPatterns("/login", "/app/**");
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(Instant.class, new BoundedInstantFormatter());
	}

}
