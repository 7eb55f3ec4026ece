package dev.replay.api.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last resort for errors that never reached the application (a path that does
 * not decode, with an encoded slash or a NUL, a malformed request line): a problem body
 * instead of Tomcat's HTML page. Installed on the host by
 * {@link ContainerErrorConfiguration}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		// as the base class: nothing for a success, nothing over a body already written,
		// and every error reported once
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(ContainerProblems.json(status, request.getRequestURI()));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client went away, or the response was no longer writable
		}
	}

}
