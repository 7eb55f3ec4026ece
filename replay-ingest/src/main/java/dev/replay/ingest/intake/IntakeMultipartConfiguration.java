package dev.replay.ingest.intake;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * Keeps Spring MVC from parsing the Datadog intake's multipart bodies into temporary
 * files: the intake reads them into memory under its own limits.
 */
@Configuration(proxyBeanMethods = false)
class IntakeMultipartConfiguration {

	@Bean
	MultipartResolver multipartResolver() {
		return new IntakeAwareMultipartResolver();
	}

	private static final class IntakeAwareMultipartResolver extends StandardServletMultipartResolver {

		@Override
		public boolean isMultipart(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return !DatadogIntakeController.PATHS.contains(path) && super.isMultipart(request);
		}

	}

}
