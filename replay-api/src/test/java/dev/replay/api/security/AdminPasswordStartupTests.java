package dev.replay.api.security;

import dev.replay.ReplayApplication;
import dev.replay.TestcontainersConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code REPLAY_ADMIN_PASSWORD} follows the rules of every password, checked before the
 * application serves anything.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordStartupTests {

	@Test
	void refusesToStartWithShortAdminPasswordWithOneClearMessage(CapturedOutput output) {
		String shortPassword = "eleven-char";
		// as REPLAY_ADMIN_PASSWORD would, over application.yml
		Throwable failure = catchThrowable(
				() -> new SpringApplicationBuilder(ReplayApplication.class, TestcontainersConfiguration.class)
					.run("--server.port=0", "--replay.security.admin-password=" + shortPassword,
							"--replay.timeline.enabled=false", "--replay.retention.enabled=false")
					// started after all: stop it, the assertions below fail
					.close());
		assertThat(failure).isNotNull();
		assertThat(NestedExceptionUtils.getMostSpecificCause(failure)).isInstanceOf(AdminPasswordException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("REPLAY_ADMIN_PASSWORD (replay.security.admin-password) must be at least 12 characters")
			.doesNotContain(shortPassword);
	}

	@Test
	void checksLengthInCharactersAndBytes() {
		assertThatThrownBy(() -> AdminAccountInitializer.check("x".repeat(11)))
			.isInstanceOf(AdminPasswordException.class);
		assertThatThrownBy(() -> AdminAccountInitializer.check("x".repeat(73)))
			.isInstanceOf(AdminPasswordException.class);
		assertThatThrownBy(() -> AdminAccountInitializer.check("é".repeat(37)))
			.isInstanceOf(AdminPasswordException.class);
		assertThatCode(() -> AdminAccountInitializer.check("x".repeat(12))).doesNotThrowAnyException();
		assertThatCode(() -> AdminAccountInitializer.check("é".repeat(36))).doesNotThrowAnyException();
		// unset: a password is generated
		assertThatCode(() -> AdminAccountInitializer.check(null)).doesNotThrowAnyException();
		assertThatCode(() -> AdminAccountInitializer.check("")).doesNotThrowAnyException();
	}

}
