package dev.replay.api.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.replay.ingest.segment.IntakeMetrics;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the advice makes of a client that went away while its response was written (a
 * download of an image or asset cancelled, a tab closed): no error in the log, no 500;
 * and of a real failure: both.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsAdviceTests {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Downloads())
		.setControllerAdvice(new ProblemDetailsAdvice(mock(IntakeMetrics.class)))
		.build();

	@Test
	void clientGoneAwayIsNoErrorAndGetsNoProblem(CapturedOutput output) throws Exception {
		this.mvc.perform(get("/aborted"))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isNotEqualTo(500));
		assertThat(output).doesNotContain("ERROR").doesNotContain("Unexpected error");
	}

	@Test
	void clientGoneAwayBehindAnotherExceptionIsNoError(CapturedOutput output) throws Exception {
		this.mvc.perform(get("/broken-pipe"))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isNotEqualTo(500));
		assertThat(output).doesNotContain("ERROR").doesNotContain("Unexpected error");
	}

	@Test
	void unexpectedFailureIsLoggedAndAnswered500(CapturedOutput output) throws Exception {
		this.mvc.perform(get("/failed")).andExpect(status().isInternalServerError());
		assertThat(output).contains("ERROR").contains("Unexpected error");
	}

	@RestController
	static class Downloads {

		@GetMapping("/aborted")
		String aborted() throws IOException {
			throw new ClientAbortException(new IOException("Connection reset by peer"));
		}

		@GetMapping("/broken-pipe")
		String brokenPipe() {
			throw new UncheckedIOException(new IOException("Broken pipe"));
		}

		@GetMapping("/failed")
		String failed() {
			throw new IllegalStateException("no such state");
		}

	}

}
