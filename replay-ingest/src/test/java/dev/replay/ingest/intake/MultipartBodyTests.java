package dev.replay.ingest.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.replay.ingest.intake.MultipartBody.Part;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MultipartBodyTests {

	@Test
	void readsBoundaryFromContentType() {
		assertThat(MultipartBody.boundary("multipart/form-data; boundary=\"abc\"")).isEqualTo("abc");
		assertThat(MultipartBody.boundary("Multipart/Form-Data;boundary=----WebKitFormBoundaryX"))
			.isEqualTo("----WebKitFormBoundaryX");
	}

	@Test
	void refusesOtherMediaTypes() {
		assertThatExceptionOfType(UnsupportedBodyException.class)
			.isThrownBy(() -> MultipartBody.boundary("application/json"));
		assertThatExceptionOfType(MalformedBodyException.class)
			.isThrownBy(() -> MultipartBody.boundary("multipart/form-data"));
	}

	@Test
	void splitsPartsWithBinaryContentAndNoFinalLineBreak() {
		byte[] body = ("preamble\r\n--b\r\nContent-Disposition: form-data; name=\"segment\"; filename=\"file0\"\r\n"
				+ "Content-Type: application/octet-stream\r\nContent-Length: 4\r\n\r\n\u0000\r\n-\u00ff\r\n"
				+ "--b\r\nContent-Disposition: form-data; name=\"event\"; filename=\"blob\"\r\n\r\n[]\r\n--b--")
			.getBytes(StandardCharsets.ISO_8859_1);
		List<Part> parts = MultipartBody.parse(body, "b");
		assertThat(parts).extracting(Part::name).containsExactly("segment", "event");
		assertThat(parts.get(0).filename()).isEqualTo("file0");
		assertThat(parts.get(0).contentType()).isEqualTo("application/octet-stream");
		assertThat(parts.get(0).content()).containsExactly(0, '\r', '\n', '-', 0xff);
		assertThat(parts.get(1).content()).isEqualTo("[]".getBytes(StandardCharsets.ISO_8859_1));
	}

	@Test
	void refusesBodyWithoutClosingBoundary() {
		byte[] body = "--b\r\nContent-Disposition: form-data; name=\"event\"\r\n\r\n[]"
			.getBytes(StandardCharsets.ISO_8859_1);
		assertThatExceptionOfType(MalformedBodyException.class).isThrownBy(() -> MultipartBody.parse(body, "b"));
	}

	@Test
	void refusesPartWithoutName() {
		byte[] body = "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--".getBytes(StandardCharsets.ISO_8859_1);
		assertThatExceptionOfType(MalformedBodyException.class).isThrownBy(() -> MultipartBody.parse(body, "b"));
	}

}
