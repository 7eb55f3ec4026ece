package dev.replay.ingest.intake;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import dev.replay.ingest.application.ApplicationRegistry;
import dev.replay.ingest.application.ApplicationRegistry.CreatedApplication;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives intake tests applications of their own: every instance field and every test
 * method parameter of type {@link CreatedApplication} is a new application of the test's
 * intake, with a client token for it alone.
 */
final class NewApplications implements TestInstancePostProcessor, ParameterResolver {

	@Override
	public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
		for (Field field : ReflectionSupport.findFields(testInstance.getClass(), NewApplications::isApplication,
				HierarchyTraversalMode.TOP_DOWN)) {
			field.setAccessible(true);
			field.set(testInstance, create(context));
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == CreatedApplication.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return create(context);
	}

	private static boolean isApplication(Field field) {
		int modifiers = field.getModifiers();
		return !Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers)
				&& field.getType() == CreatedApplication.class;
	}

	private static CreatedApplication create(ExtensionContext context) {
		return SpringExtension.getApplicationContext(context)
			.getBean(ApplicationRegistry.class)
			.createApplication("intake test", null);
	}

}
