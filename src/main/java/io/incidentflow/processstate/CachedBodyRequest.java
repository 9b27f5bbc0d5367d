package io.incidentflow.processstate;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body the guard reads before Jersey does: once read, Jersey gets the same bytes again.
 * Read only when needed, so deployments and file uploads stream through untouched.
 */
final class CachedBodyRequest extends HttpServletRequestWrapper {

    /**
     * Largest body read into memory. Variable writes and form submissions are small; the webapps' own
     * authentication runs after the guard, so an anonymous caller must not make it buffer without limit.
     */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private byte[] body;

    CachedBodyRequest(HttpServletRequest request) {
        super(request);
    }

    byte[] body() {
        if (body == null) {
            try {
                byte[] read = super.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
                if (read.length > MAX_BODY_BYTES) {
                    throw StateViolation.tooLarge(MAX_BODY_BYTES);
                }
                body = read;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the request body", e);
            }
        }
        return body;
    }

    /** Multipart uploads and HTML forms are not JSON; anything else may be what Jersey reads as JSON. */
    boolean mayBeJson() {
        String type = getContentType();
        return type == null || !(type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded"));
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (body == null) {
            return super.getInputStream();
        }
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("synchronous reads only");
            }
        };
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (body == null) {
            return super.getReader();
        }
        Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
}
