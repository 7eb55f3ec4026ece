package dev.replay.api.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses unknown fields in the bodies marked {@link RejectUnknownFields}; Jackson asks
 * the handler about every unknown field before it applies its own (lenient) default.
 */
@Configuration(proxyBeanMethods = false)
class UnknownFieldsConfiguration {

	@Bean
	JsonMapperBuilderCustomizer rejectUnknownFields() {
		return (builder) -> builder.addHandler(new UnknownFieldsHandler());
	}

	static final class UnknownFieldsHandler extends DeserializationProblemHandler {

		@Override
		public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
				ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws JacksonException {
			Class<?> type = (beanOrClass instanceof Class<?> given) ? given : beanOrClass.getClass();
			if (type.isAnnotationPresent(RejectUnknownFields.class)) {
				throw UnrecognizedPropertyException.from(parser, beanOrClass, propertyName,
						deserializer.getKnownPropertyNames());
			}
			return false;
		}

	}

}
