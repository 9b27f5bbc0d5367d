package io.incidentflow.database;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a request that may have changed something only once its commits are in the file ({@link Durability}):
 * an answered event, incident or task completion survives a crash of the JVM. The commits are written before the
 * first byte of the answer, or when the request ends if nothing was written; this runs before every other filter so
 * that answers given by security and the engine's REST API are covered too. Reads (GET, HEAD, OPTIONS, TRACE)
 * change nothing and are answered at once.
 */
class DurableAnswerFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Durability durability;

    DurableAnswerFilter(Durability durability) {
        this.durability = durability;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        FlushBeforeAnswer answer = new FlushBeforeAnswer(response, durability);
        try {
            chain.doFilter(request, answer);
        } finally {
            answer.flushOnce();
        }
    }

    /** The response, with the commits written before anything of it reaches the client. */
    static final class FlushBeforeAnswer extends HttpServletResponseWrapper {

        private final Durability durability;
        private boolean flushed;
        private ServletOutputStream stream;
        private PrintWriter writer;

        FlushBeforeAnswer(HttpServletResponse response, Durability durability) {
            super(response);
            this.durability = durability;
        }

        void flushOnce() {
            if (!flushed) {
                flushed = true;
                durability.flush();
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new FlushingStream(super.getOutputStream());
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(new FlushingWriter(super.getWriter()));
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            flushOnce();
            super.flushBuffer();
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            flushOnce();
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            flushOnce();
            super.sendError(status);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            flushOnce();
            super.sendRedirect(location);
        }

        private final class FlushingStream extends ServletOutputStream {

            private final ServletOutputStream out;

            FlushingStream(ServletOutputStream out) {
                this.out = out;
            }

            @Override
            public void write(int b) throws IOException {
                flushOnce();
                out.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                flushOnce();
                out.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                flushOnce();
                out.flush();
            }

            @Override
            public void close() throws IOException {
                flushOnce();
                out.close();
            }

            @Override
            public boolean isReady() {
                return out.isReady();
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                out.setWriteListener(listener);
            }
        }

        private final class FlushingWriter extends Writer {

            private final PrintWriter out;

            FlushingWriter(PrintWriter out) {
                this.out = out;
            }

            @Override
            public void write(char[] chars, int offset, int length) {
                flushOnce();
                out.write(chars, offset, length);
            }

            @Override
            public void flush() {
                flushOnce();
                out.flush();
            }

            @Override
            public void close() {
                flushOnce();
                out.close();
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<DurableAnswerFilter> durableAnswerFilter(Durability durability) {
            FilterRegistrationBean<DurableAnswerFilter> registration =
                    new FilterRegistrationBean<>(new DurableAnswerFilter(durability));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
