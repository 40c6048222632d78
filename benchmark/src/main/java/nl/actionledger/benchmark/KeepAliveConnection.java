package nl.actionledger.benchmark;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One writer's HTTP/1.1 connection, kept alive between its requests, with one request in flight: the write load's
 * client. {@link java.net.http.HttpClient} spent about 0.3 ms of the machine's CPU per request here (its selector
 * thread, futures and header maps), a fifth of the whole machine's cost of a change; the issue measured its
 * figures with wrk, a native client. This one writes the request's bytes and reads the status, the headers it needs
 * and the body, so the load generator's share stays small and the same for every system under test. Not thread
 * safe: one per writer thread.
 */
final class KeepAliveConnection implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final String host;
    private final int port;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(String baseUrl) {
        URI uri = URI.create(baseUrl);
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("Only plain http is supported: " + baseUrl);
        }
        this.host = uri.getHost();
        this.port = uri.getPort() == -1 ? 80 : uri.getPort();
        this.hostHeader = host + ":" + port;
    }

    /**
     * A POST of a JSON body; {@code authorization} is the header's whole value. Never sent twice: a connection the
     * server closed after an answer ({@code Connection: close}) is replaced before the next request, and a writer
     * opens its connection when its run starts, so none lies idle long enough for the server to drop it.
     */
    LedgerClient.Response postJson(String path, String authorization, String body) {
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\n"
                        + "Host: " + hostHeader + "\r\n"
                        + "Authorization: " + authorization + "\r\n"
                        + "Content-Type: application/json\r\n"
                        + "Accept: application/json\r\n"
                        + "Content-Length: " + bodyBytes.length + "\r\n"
                        + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        // One write of head and body: one system call and one TCP segment, as a native client sends it (two writes
        // with TCP_NODELAY are two segments, and the server may read the head before the body has arrived).
        byte[] request = Arrays.copyOf(head, head.length + bodyBytes.length);
        System.arraycopy(bodyBytes, 0, request, head.length, bodyBytes.length);
        long start = System.nanoTime();
        try {
            return exchange(request, start);
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException(hostHeader + path + " failed", e);
        }
    }

    private LedgerClient.Response exchange(byte[] request, long start) throws IOException {
        if (socket == null) {
            open();
        }
        out.write(request);
        out.flush();
        int status = parseStatus(readLine());
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        long retryAfter = -1;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            } else if (name.equalsIgnoreCase("Retry-After")) {
                retryAfter = parseOr(value, -1);
            }
        }
        String responseBody;
        if (chunked) {
            responseBody = readChunked();
        } else if (contentLength >= 0) {
            responseBody = new String(in.readNBytes((int) contentLength), StandardCharsets.UTF_8);
        } else {
            responseBody = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            close = true;
        }
        long nanos = System.nanoTime() - start;
        if (close) {
            closeQuietly();
        }
        return new LedgerClient.Response(status, responseBody, nanos, retryAfter);
    }

    private void open() throws IOException {
        Socket opened = new Socket();
        opened.setTcpNoDelay(true);
        opened.setSoTimeout(TIMEOUT_MILLIS);
        opened.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
        socket = opened;
        in = new BufferedInputStream(opened.getInputStream(), 16 * 1024);
        out = opened.getOutputStream();
    }

    private String readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int extension = sizeLine.indexOf(';');
            int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
                    // trailers are not used
                }
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(in.readNBytes(size));
            readLine();
        }
    }

    /** A line up to CRLF, without it; headers are ASCII. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException("connection closed by " + hostHeader);
            }
            if (next == '\n') {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                return line.toString();
            }
            line.append((char) next);
        }
    }

    private static int parseStatus(String statusLine) throws IOException {
        // "HTTP/1.1 200 " or "HTTP/1.1 200 OK"
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("Not an HTTP status line: " + statusLine);
        }
        return Integer.parseInt(statusLine.substring(9, 12));
    }

    private static long parseOr(String value, long fallback) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private void closeQuietly() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing to do
            }
        }
        socket = null;
        in = null;
        out = null;
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
