package io.incidentflow.ingest;

import io.incidentflow.common.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Reads a request body up to the configured limit, refusing larger ones without reading them whole. */
final class RequestBodies {

    /** A body over the limit (answered with 413). */
    static final class TooLargeException extends InvalidEventException {
        TooLargeException(int limit) {
            super(List.of(new FieldProblem("body", "is larger than " + limit + " bytes (" + (limit / 1024) + " KB)")));
        }
    }

    private RequestBodies() {
    }

    static byte[] read(HttpServletRequest request, int limit) {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw new TooLargeException(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new TooLargeException(limit);
            }
            return body;
        } catch (IOException e) {
            throw new InvalidEventException(List.of(new FieldProblem("body", "could not be read: " + e.getMessage())));
        }
    }
}
