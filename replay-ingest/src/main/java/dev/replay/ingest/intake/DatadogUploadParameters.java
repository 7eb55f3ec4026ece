package dev.replay.ingest.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpHeaders;

/**
 * Documents the parameters that every Datadog upload may carry besides its client token;
 * the controller reads them from the raw request.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Parameter(name = "dd-request-id", in = ParameterIn.QUERY,
		description = "the upload's id: a retry with the same id is stored once (also as the DD-REQUEST-ID header)",
		schema = @Schema(maxLength = 128))
@Parameter(name = "DD-REQUEST-ID", in = ParameterIn.HEADER, description = "the upload's id, as a header",
		schema = @Schema(maxLength = 128))
@Parameter(name = "dd-evp-encoding", in = ParameterIn.QUERY,
		description = "deflate: an event batch is a zlib stream, whatever Content-Encoding says",
		schema = @Schema(allowableValues = "deflate"))
@Parameter(name = HttpHeaders.CONTENT_ENCODING, in = ParameterIn.HEADER,
		description = "how the body is compressed, if it is",
		schema = @Schema(allowableValues = { "gzip", "deflate", "identity" }))
@interface DatadogUploadParameters {

}
