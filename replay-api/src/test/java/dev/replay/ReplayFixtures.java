package dev.replay;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives a {@link ReplayIntegrationTest} what it talks to the application with: every
 * instance field of type {@link ReplayClient}, {@link TestUsers} or {@link TestSessions}
 * (its superclasses' included) is set when the test instance is created, and test and
 * lifecycle methods may declare parameters of those types. A client talks to the test's
 * application; each {@link TestSessions} records into an application of its own.
 */
public final class ReplayFixtures implements TestInstancePostProcessor, ParameterResolver {

	private static final Set<Class<?>> TYPES = Set.of(ReplayClient.class, TestUsers.class, TestSessions.class);

	@Override
	public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
		ReplayClient client = client(context);
		for (Field field : ReflectionSupport.findFields(testInstance.getClass(), ReplayFixtures::isFixture,
				HierarchyTraversalMode.TOP_DOWN)) {
			field.setAccessible(true);
			field.set(testInstance, fixture(field.getType(), client));
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return TYPES.contains(parameter.getParameter().getType());
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return fixture(parameter.getParameter().getType(), client(context));
	}

	private static boolean isFixture(Field field) {
		int modifiers = field.getModifiers();
		return !Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers) && TYPES.contains(field.getType());
	}

	private static Object fixture(Class<?> type, ReplayClient client) {
		if (type == TestUsers.class) {
			return new TestUsers(client);
		}
		if (type == TestSessions.class) {
			return new TestSessions(client);
		}
		return client;
	}

	private static ReplayClient client(ExtensionContext context) {
		Integer port = SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port", Integer.class);
		return new ReplayClient(port);
	}

}
