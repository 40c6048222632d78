package nl.actionledger.support.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Answers go out whole when the request ends, with their {@code Content-Length}, instead of in two pieces. Spring's
 * message converters flush the response after writing a body (Jackson's generator, then the converter, then the return
 * value handler): the first flush commits the response before its length is known, so Tomcat sends the body as a chunk
 * and, when the request ends, the closing chunk in a second write; the client reads twice. Here a flush waits for the
 * end of the request, where Tomcat writes what it holds in one piece and knows its length. An answer larger than
 * Tomcat's buffer (8 KB) is still sent as it grows, as before; nothing here streams on purpose.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WholeResponses implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            chain.doFilter(request, new WholeResponse(http));
        } else {
            chain.doFilter(request, response);
        }
    }

    /** A response whose flushes wait for the end of the request. */
    static final class WholeResponse extends HttpServletResponseWrapper {

        private ServletOutputStream body;

        WholeResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void flushBuffer() {
            // Tomcat writes the response when the request ends.
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (body == null) {
                body = new UnflushedOutputStream(super.getOutputStream());
            }
            return body;
        }
    }

    /** Writes through; flushing waits for the end of the request, closing does not. */
    private static final class UnflushedOutputStream extends ServletOutputStream {

        private final ServletOutputStream out;

        UnflushedOutputStream(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            // Tomcat writes the response when the request ends.
        }

        @Override
        public void close() throws IOException {
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
}
