package dev.replay.api.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the initial user {@code admin} on first start. A configured password must
 * follow the rules of every password ({@link Passwords}): the application refuses to
 * start with one that does not, before it serves any request.
 */
@Component
class AdminAccountInitializer implements ApplicationRunner {

	static final String ADMIN = "admin";

	private static final Logger LOG = LoggerFactory.getLogger(AdminAccountInitializer.class);

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final SecurityProperties properties;

	AdminAccountInitializer(UserAccountRepository users, PasswordEncoder passwordEncoder,
			SecurityProperties properties) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.properties = properties;
		check(properties.adminPassword());
	}

	static void check(@Nullable String configured) {
		if (configured != null && !configured.isBlank()
				&& (Passwords.tooShort(configured) || Passwords.tooLong(configured))) {
			throw new AdminPasswordException();
		}
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.users.existsByUsername(ADMIN)) {
			return;
		}
		String configured = this.properties.adminPassword();
		String password = (configured != null && !configured.isBlank()) ? configured : generatePassword();
		this.users.save(new UserAccount(ADMIN, this.passwordEncoder.encode(password), Role.admin));
		if (configured == null || configured.isBlank()) {
			// shown once, on the first start only: the operator has no other way to learn
			// it
			LOG.warn("Created user '{}' with the generated password {} (set REPLAY_ADMIN_PASSWORD to choose one).",
					ADMIN, password);
		}
		else {
			LOG.info("Created user '{}' with the password from REPLAY_ADMIN_PASSWORD.", ADMIN);
		}
	}

	private static String generatePassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
